package io.backstory.platform;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** Submits a page's form the way a browser does: with the CSRF cookie and the token from the form. */
public final class PageForms {

    private PageForms() {
    }

    /** GETs {@code formPage} as {@code user}, then POSTs {@code fields} to {@code action} with its CSRF token. */
    public static Response submit(String user, String formPage, String action, Map<String, ?> fields) {
        Response page = TestUsers.as(user).when().get(formPage);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + formPage + " answered " + page.statusCode());
        }
        Document html = Jsoup.parse(page.asString());
        String token = html.select("form[action=" + action + "] input[name=csrf-token]").attr("value");
        if (token.isEmpty()) {
            throw new AssertionError("No form posting to " + action + " on " + formPage);
        }
        return TestUsers.as(user)
                .redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token") != null ? page.getCookie("csrf-token") : token)
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .formParam("csrf-token", token)
                .when().post(action);
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}

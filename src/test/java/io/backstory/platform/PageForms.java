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
        return submit(user, formPage, action, action, fields);
    }

    /** As above, for an endpoint that scripts call with the token of the form posting to {@code tokenFormAction}. */
    public static Response submit(String user, String formPage, String tokenFormAction, String action, Map<String, ?> fields) {
        Response page = TestUsers.as(user).when().get(formPage);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + formPage + " answered " + page.statusCode());
        }
        Document html = Jsoup.parse(page.asString());
        String token = html.select("form[action=" + tokenFormAction + "] input[name=csrf-token]").attr("value");
        if (token.isEmpty()) {
            throw new AssertionError("No form posting to " + tokenFormAction + " on " + formPage);
        }
        return TestUsers.as(user)
                .redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token") != null ? page.getCookie("csrf-token") : token)
                // As browsers send forms: UTF-8 (REST Assured would otherwise encode ISO-8859-1 and lose other scripts).
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .formParam("csrf-token", token)
                .when().post(action);
    }

    /** The page a form's answer leads to: where a 303 points (read as a visitor), or the answer itself. */
    public static Document followed(Response answer) {
        if (answer.statusCode() == 303) {
            return html(io.restassured.RestAssured.given().when().get(answer.getHeader("Location")));
        }
        return html(answer);
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}

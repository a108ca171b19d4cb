package io.backstory.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Submits a page's form the way a browser does: with the CSRF cookie and the CSRF fields from the form. */
public final class PageForms {

    private PageForms() {
    }

    /** GETs {@code formPage} as {@code user}, then POSTs {@code fields} to {@code action} with its CSRF token. */
    public static Response submit(String user, String formPage, String action, Map<String, ?> fields) {
        return submit(user, formPage, action, action, fields);
    }

    /** As above, for an endpoint that scripts call with the token of the form posting to {@code tokenFormAction}. */
    public static Response submit(String user, String formPage, String tokenFormAction, String action, Map<String, ?> fields) {
        return csrf(user, formPage, tokenFormAction).applyTo(TestUsers.as(user))
                .redirects().follow(false)
                // As browsers send forms: UTF-8 (REST Assured would otherwise encode ISO-8859-1 and lose other scripts).
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .when().post(action);
    }

    /**
     * What a browser sends along with a form: the CSRF cookie and the form's hidden CSRF fields (every field whose
     * name starts with "csrf"), as {@code user} got them on {@code formPage}.
     */
    public record Csrf(String cookie, Map<String, String> fields) {

        /** Adds the cookie and the fields to a form request. */
        public RequestSpecification applyTo(RequestSpecification request) {
            return request.cookie("csrf-token", cookie).formParams(fields);
        }

        /** The fields as {@code application/x-www-form-urlencoded} text, for a body written by hand. */
        public String formBody() {
            return fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    public static Csrf csrf(String user, String formPage, String formAction) {
        Response page = (user == null ? io.restassured.RestAssured.given() : TestUsers.as(user)).when().get(formPage);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + formPage + " answered " + page.statusCode());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : html(page).select("form[action=" + formAction + "] input[type=hidden][name^=csrf]")) {
            fields.putIfAbsent(input.attr("name"), input.attr("value"));
        }
        if (!fields.containsKey("csrf-token")) {
            throw new AssertionError("No form posting to " + formAction + " on " + formPage);
        }
        String cookie = page.getCookie("csrf-token");
        return new Csrf(cookie != null ? cookie : fields.get("csrf-token"), Map.copyOf(fields));
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

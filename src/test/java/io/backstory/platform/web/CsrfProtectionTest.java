package io.backstory.platform.web;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Forged page requests, as the outside probe sent them (issue 16, finding 1): each is refused and changes nothing,
 * while the form itself and the bearer-token API keep working. Every state-changing page endpoint meets the same
 * forgeries in {@code platform/AuthorizationMatrixTest}.
 */
@QuarkusTest
class CsrfProtectionTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    @Test
    void anEmptyPostFromAnotherSiteDeletesNothing() throws Exception {
        // fetch('/posts/91/delete', {method: 'POST', mode: 'no-cors', credentials: 'include'}) from another port of
        // the same host: no body, no Content-Type, the member's cookies (the bearer token stands in for the session
        // cookie). Sent raw, as REST Assured would add a Content-Type of its own.
        long post = post(bob);
        String cookie = PageForms.csrf(bob, "/posts/" + post + "/delete", "/posts/" + post + "/delete").cookie();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/posts/" + post + "/delete"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TestUsers.token(bob))
                .header("Cookie", "csrf-token=" + cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode(), answer.body());
        assertStillThere(post);
    }

    @Test
    void anotherSessionsTokenAndCookieAreRefused() {
        long post = post(bob);
        // carol's own, valid cookie and form fields, planted in bob's browser (cookies do not keep to one port).
        PageForms.Csrf carols = PageForms.csrf(carol, "/settings", "/settings/handle");
        Response answer = carols.applyTo(as(bob)).redirects().follow(false).contentType(ContentType.URLENC)
                .when().post("/posts/" + post + "/delete");
        assertEquals(403, answer.statusCode(), answer.asString());
        assertStillThere(post);
    }

    @Test
    void aFormSentFromAnotherOriginIsRefusedEvenWithAValidToken() {
        long post = post(bob);
        String action = "/posts/" + post + "/delete";
        PageForms.Csrf bobs = PageForms.csrf(bob, action, action);
        for (String[] header : new String[][] {{"Origin", "http://localhost:1"}, {"Origin", "null"},
                {"Sec-Fetch-Site", "same-site"}, {"Sec-Fetch-Site", "cross-site"}}) {
            Response answer = bobs.applyTo(as(bob)).redirects().follow(false).contentType(ContentType.URLENC)
                    .header(header[0], header[1]).when().post(action);
            assertEquals(403, answer.statusCode(), header[0] + ": " + header[1] + " answered " + answer.asString());
        }
        assertStillThere(post);
        // The same form from the site itself goes through.
        Response own = bobs.applyTo(as(bob)).redirects().follow(false).contentType(ContentType.URLENC)
                .header("Sec-Fetch-Site", "same-origin").when().post(action);
        assertEquals(303, own.statusCode(), own.asString());
        as(bob).when().get("/api/v1/posts/" + post).then().statusCode(404);
    }

    @Test
    void theApiNeedsNoCsrfTokenItsBearerTokenCannotBeSentByAnotherSite() {
        long post = post(bob);
        as(bob).header("Origin", "http://localhost:1").when().delete("/api/v1/posts/" + post).then().statusCode(204);
    }

    private static long post(String user) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Short walks after lunch", "body": "Ten minutes, every day.", "conditions": ["sciatica"]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private void assertStillThere(long post) {
        as(bob).when().get("/api/v1/posts/" + post).then().statusCode(200);
    }
}

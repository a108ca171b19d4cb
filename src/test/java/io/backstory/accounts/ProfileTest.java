package io.backstory.accounts;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ProfileTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    @Test
    void newMembersChooseAHandleAtFirstLogin() {
        given().redirects().follow(false).when().get("/login").then().statusCode(303)
                .header("Location", containsString("/login/start"));
        as("first-timer").redirects().follow(false).when().get("/login/start").then().statusCode(303)
                .header("Location", containsString("/settings?welcome=true"));
        Response invalid = PageForms.submit("first-timer", "/settings?welcome=true", "/settings/handle",
                Map.of("handle", "<b>x</b>", "welcome", "true"));
        assertEquals(400, invalid.statusCode());
        assertEquals("use 3 to 30 letters, digits, '_' or '-'", PageForms.html(invalid).selectFirst("#handle-error").text());
        as(bob).when().get("/api/v1/me").then().statusCode(200); // make sure bob exists
        Response taken = PageForms.submit("first-timer", "/settings?welcome=true", "/settings/handle",
                Map.of("handle", bob.toUpperCase(java.util.Locale.ROOT), "welcome", "true"));
        assertEquals(400, taken.statusCode());
        assertTrue(PageForms.html(taken).selectFirst("#handle-error").text().contains("taken"));

        Response chosen = PageForms.submit("first-timer", "/settings?welcome=true", "/settings/handle",
                Map.of("handle", "calm_walker", "welcome", "true"));
        assertEquals(303, chosen.statusCode());
        String next = as("first-timer").redirects().follow(false).when().get("/login/start").then().statusCode(303)
                .extract().header("Location");
        assertFalse(next.contains("/settings"), "once chosen, login goes straight home: " + next);
        as("first-timer").when().get("/api/v1/me").then().body("handle", equalTo("calm_walker"));
        as("first-timer").contentType(ContentType.JSON).body("{\"handle\": \"calm-walker-2\"}")
                .when().put("/api/v1/me/handle").then().statusCode(200).body("handle", equalTo("calm-walker-2"));
        as("first-timer").contentType(ContentType.JSON).body("{\"handle\": \"x\"}")
                .when().put("/api/v1/me/handle").then().statusCode(400).body("errors.field", hasItem("handle"));
    }

    @Test
    void profilesShowPublishedWritingOnly() {
        long post = ((Number) as(alice).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "Alice's profile probe about stenosis", "body": "Walking with poles helps.",
                 "conditions": ["spinal-stenosis"]}""").when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        as(alice).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "Alice's held profile probe", "body": "Just take double the ibuprofen.",
                 "conditions": ["spinal-stenosis"]}""").when().post("/api/v1/posts").then().statusCode(201);
        Document profile = PageForms.html(given().when().get("/members/" + alice));
        assertEquals(alice, profile.selectFirst("h1").text());
        assertTrue(profile.select("a[href=/posts/" + post + "]").size() == 1);
        assertFalse(profile.text().contains("Alice's held profile probe"), "held posts are not on the profile");
        Document page = PageForms.html(given().when().get("/posts/" + post));
        assertEquals("/members/" + alice, page.selectFirst(".post .meta a").attr("href"));
        given().when().get("/members/nobody-by-this-name").then().statusCode(404);
    }
}

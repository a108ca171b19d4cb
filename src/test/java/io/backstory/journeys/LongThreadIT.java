package io.backstory.journeys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.GenerousLimits;
import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * A question with 300 comments, in a real Chromium with JavaScript and then without, against the packaged application:
 * the thread carries no form per comment, so a member votes in place through the thread's one vote form, flags a
 * comment through the form brought in on demand (without scripts, its own page), and the asker marks the answer that
 * helped.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
class LongThreadIT {

    @Test
    void aMemberVotesAndFlagsInPlaceAndTheAskerAcceptsAnAnswerOnA300CommentThread() {
        String bob = KeycloakServer.token("bob");
        String admin = KeycloakServer.token("admin");
        handle(bob, "bob_long");
        handle(KeycloakServer.token("alice"), "alice_long");
        handle(admin, "admin_long");
        long question = ((Number) given().auth().oauth2(bob).contentType(ContentType.JSON).body("""
                {"kind": "QUESTION", "title": "Three hundred answers about a stiff lower back in the morning",
                 "body": "What helps you get going in the morning?", "conditions": ["chronic-low-back-pain"]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        List<Long> comments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            comments.add(((Number) given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"body\": \"Morning routine number " + i + ": a warm shower, then a slow walk.\"}")
                    .when().post("/api/v1/posts/" + question + "/comments").then().statusCode(201).extract().path("id"))
                    .longValue());
        }
        long voted = comments.get(150);
        long flagged = comments.get(299);
        long answer = comments.get(7);

        try (Browser alice = Browser.open("alice"); Browser asker = Browser.open("bob")) {
            alice.logInThroughKeycloak("alice", "alice_long");
            alice.go("/posts/" + question);
            String page = alice.url();
            assertEquals(300, alice.findAll("ol.thread > li.comment").size());
            assertTrue(alice.findAll("ol.thread form").isEmpty(), "no form inside the thread");

            // The comment's two vote buttons: up first, then down (their names change with the vote: u, d, w).
            String up = "#c" + voted + " > article > p.actions > button:first-of-type";
            String down = "#c" + voted + " > article > p.actions > button:nth-of-type(2)";
            alice.click(up)
                    .waitForAttribute(up, "aria-pressed", "true")
                    .waitForText("#m" + voted + " > span:last-child", "1 point");
            assertNotEquals("true", alice.find(down).getAttribute("aria-pressed"));
            alice.click(down)
                    .waitForAttribute(down, "aria-pressed", "true")
                    .waitForText("#m" + voted + " > span:last-child", "-1 point");
            assertNotEquals("true", alice.find(up).getAttribute("aria-pressed"));

            alice.click("#c" + flagged + " a[href$='/flag']")
                    .waitForText("#c" + flagged + " form.flag-form", "What is wrong?")
                    .click("#c" + flagged + " form.flag-form input[value=OFF_TOPIC]")
                    .click("#c" + flagged + " form.flag-form button[type=submit]")
                    .waitForText("#c" + flagged + " #flag-result", "Thanks, a moderator will look at this comment");
            assertEquals(page, alice.url(), "voted and flagged in place");

            asker.logInThroughKeycloak("bob", "bob_long");
            asker.go("/posts/" + question);
            assertEquals(300, asker.findAll("ol.thread button[form=accept]").size(), "the asker may mark any answer");
            asker.clickAndWait("#c" + answer + " button[form=accept]");
            assertEquals("Accepted answer", asker.text("#c" + answer + " .badge"));
            assertTrue(asker.text(".accepted-answer").contains("Morning routine number 7:"), asker.text(".accepted-answer"));
            assertEquals("Unmark as the answer", asker.text("#c" + answer + " button[form=accept]"));

            alice.go("/posts/" + question);
            assertTrue(alice.findAll("button[form=accept]").isEmpty(), "the accept buttons are the asker's alone");
            assertEquals("true", alice.find(down).getAttribute("aria-pressed"),
                    "her vote is still hers after the asker's change");
        }

        // The same without JavaScript: the buttons send the thread's one vote form and the accept form, the flag link
        // opens the flag page, and each comes back to the comment.
        long votedWithoutScripts = comments.get(151);
        long flaggedWithoutScripts = comments.get(298);
        long otherAnswer = comments.get(8);
        try (Browser alice = Browser.openWithoutJavaScript("alice-no-js");
                Browser asker = Browser.openWithoutJavaScript("bob-no-js")) {
            alice.logInThroughKeycloak("alice", "alice_long");
            alice.go("/posts/" + question);
            String up = "#c" + votedWithoutScripts + " > article > p.actions > button:first-of-type";
            alice.clickAndWait(up);
            assertTrue(alice.url().endsWith("/posts/" + question + "#c" + votedWithoutScripts), alice.url());
            assertEquals("true", alice.find(up).getAttribute("aria-pressed"));
            String points = alice.text("#m" + votedWithoutScripts + " > span:last-child");
            assertTrue(points.contains("1 point") && !points.contains("-1"), points);

            alice.clickAndWait("#c" + flaggedWithoutScripts + " a[href$='/flag']");
            assertTrue(alice.url().endsWith("/comments/" + flaggedWithoutScripts + "/flag"), alice.url());
            alice.click("form.flag-form input[value=SPAM]").clickAndWait("form.flag-form button[type=submit]");
            assertTrue(alice.text("#flag-result").contains("a moderator will look at this comment"),
                    alice.text("#flag-result"));
            alice.clickAndWait("main a[href^='/posts/']");
            assertTrue(alice.url().endsWith("/posts/" + question + "#c" + flaggedWithoutScripts), alice.url());

            asker.logInThroughKeycloak("bob", "bob_long");
            asker.go("/posts/" + question);
            asker.clickAndWait("#c" + otherAnswer + " button[form=accept]");
            assertEquals("Accepted answer", asker.text("#c" + otherAnswer + " .badge"));
            assertTrue(asker.text(".accepted-answer").contains("Morning routine number 8:"), asker.text(".accepted-answer"));
            assertTrue(asker.findAll("#c" + answer + " .badge").isEmpty(), "one accepted answer at a time");

            alice.go("/posts/" + question);
            assertEquals("true", alice.find(up).getAttribute("aria-pressed"), "her vote without scripts is kept");
            assertTrue(alice.findAll("button[form=accept]").isEmpty(), "the accept buttons are still the asker's alone");
        }
        // A visitor reads the thread the members' votes went through: the points, no one's pressed buttons or forms.
        try (Browser visitor = Browser.openWithoutJavaScript("visitor-no-js")) {
            visitor.go("/posts/" + question);
            assertEquals(300, visitor.findAll("ol.thread > li.comment").size());
            assertTrue(visitor.findAll("[aria-pressed=true]").isEmpty(), "no member's vote shows as pressed");
            assertTrue(visitor.findAll("form#votes").isEmpty() && visitor.findAll("button[form=accept]").isEmpty());
            assertEquals("1 point", visitor.text("#points-comments-" + votedWithoutScripts));
            assertEquals("Accepted answer", visitor.text("#c" + otherAnswer + " .badge"));
        }
    }

    private static void handle(String token, String handle) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"handle\": \"" + handle + "\"}")
                .when().put("/api/v1/me/handle").then().statusCode(200);
    }
}

package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AcceptedAnswerTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Test
    void theAskerMarksTheAnswerThatHelpedShownFirstWithABadgeAndCanChangeIt() {
        long question = Posts.create(bob, Posts.STORY.replace("\"STORY\"", "\"QUESTION\"")
                .replace("Threw my back out lifting a suitcase", "Heat or ice for a brand new back strain?"));
        long first = Posts.comment(alice, question, null, "Ice for two days, then heat.");
        long nested = Posts.comment(admin, question, first, "Heat straight away worked for me.");
        long versionBefore = given().when().get("/api/v1/posts/" + question).then().extract().<Integer>path("version");

        as(alice).contentType(ContentType.JSON).body("{\"commentId\": " + nested + "}")
                .when().put("/api/v1/posts/" + question + "/accepted-answer").then().statusCode(403);
        as(bob).contentType(ContentType.JSON).body("{\"commentId\": " + nested + "}")
                .when().put("/api/v1/posts/" + question + "/accepted-answer").then().statusCode(204);
        given().when().get("/api/v1/posts/" + question).then()
                .body("acceptedCommentId", equalTo((int) nested)).body("version", equalTo((int) versionBefore));

        Document page = PageForms.html(given().when().get("/posts/" + question));
        assertEquals("Heat straight away worked for me.", page.selectFirst(".accepted-answer .body").text());
        assertTrue(page.selectFirst(".comments").children().indexOf(page.selectFirst(".accepted-answer"))
                < page.selectFirst(".comments").children().indexOf(page.selectFirst("ol.thread")), "shown before the thread");
        assertEquals("Accepted answer", page.selectFirst("li#c" + nested + " .badge").text());

        var changed = PageForms.submit(bob, "/posts/" + question, "/posts/" + question + "/accepted-answer",
                Map.of("commentId", first));
        assertEquals(303, changed.statusCode());
        given().when().get("/api/v1/posts/" + question).then().body("acceptedCommentId", equalTo((int) first));

        as(alice).when().delete("/api/v1/comments/" + first).then().statusCode(204);
        given().when().get("/api/v1/posts/" + question).then().body("acceptedCommentId", nullValue());
    }

    @Test
    void onlyQuestionsHaveAcceptedAnswersAndOnlyTheirOwnComments() {
        long story = Posts.story(bob, "A story cannot have an accepted answer");
        long comment = Posts.comment(alice, story, null, "nice story");
        as(bob).contentType(ContentType.JSON).body("{\"commentId\": " + comment + "}")
                .when().put("/api/v1/posts/" + story + "/accepted-answer").then().statusCode(400);
        long question = Posts.create(bob, Posts.STORY.replace("\"STORY\"", "\"QUESTION\"")
                .replace("Threw my back out lifting a suitcase", "Does anyone else get worse in the cold?"));
        as(bob).contentType(ContentType.JSON).body("{\"commentId\": " + comment + "}")
                .when().put("/api/v1/posts/" + question + "/accepted-answer").then().statusCode(400);
        as(bob).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/posts/" + question + "/accepted-answer").then().statusCode(400);
    }
}

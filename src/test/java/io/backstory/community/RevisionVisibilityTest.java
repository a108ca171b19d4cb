package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Revision history shows the public only versions the public could read: not text held for review, nor text a
 * moderator replaced. The author and moderators still see every version.
 */
@QuarkusTest
class RevisionVisibilityTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    private static long id(io.restassured.response.Response created) {
        return ((Number) created.then().statusCode(201).extract().path("id")).longValue();
    }

    /** A moderator (alice) edits the open item about this target and publishes the result. */
    private void editAndPublish(String target, long targetId, String text) {
        int item = as(alice).when().get("/api/v1/moderation/queue").then().statusCode(200)
                .extract().path("find { it.targetId == " + targetId + " && it.target == '" + target + "' }.id");
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "EDIT_AND_APPROVE", "version", version,
                "text", text, "note", "Removed dosing advice and contact details"))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200)
                .body("contentStatus", equalTo("PUBLISHED"));
    }

    private static String everyVersion(RequestSpecification reader, String path) {
        List<String> texts = reader.when().get(path).then().statusCode(200).extract().path("text");
        return String.join("\n", texts);
    }

    @Test
    void heldTextAModeratorReplacedIsNotInThePublicHistoryOfAPostOrAComment() {
        String held = "Also take 4000 mg of ibuprofen a day, ring Rudi Kessling on 0176 4455 9911 "
                + System.nanoTime() + ".";
        long post = id(as(bob).contentType(ContentType.JSON).body(Map.of("kind", "TIP",
                "title", "What got me through the flare", "body", "Walking. " + held, "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts"));
        given().when().get("/api/v1/posts/" + post).then().statusCode(404);
        editAndPublish("POST", post, "Walking. Ask a pharmacist about painkiller doses.");

        long published = id(as(carol).contentType(ContentType.JSON).body(Map.of("kind", "STORY",
                "title", "A story that gets a held comment", "body", "Walking helped me.", "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts"));
        long comment = id(as(bob).contentType(ContentType.JSON).body(Map.of("body", "Same here. " + held))
                .when().post("/api/v1/posts/" + published + "/comments"));
        given().when().get("/api/v1/comments/" + comment).then().statusCode(404);
        editAndPublish("COMMENT", comment, "Same here. Ask a pharmacist about painkiller doses.");

        for (String path : List.of("/api/v1/posts/" + post + "/revisions", "/api/v1/comments/" + comment + "/revisions")) {
            for (RequestSpecification reader : List.of(given(), as(carol))) {
                String history = everyVersion(reader, path);
                assertFalse(history.contains("4000 mg") || history.contains("0176"), path + " shows held text: " + history);
                assertTrue(history.contains("Ask a pharmacist"), "the published version is there: " + history);
            }
            assertTrue(everyVersion(as(bob), path).contains(held), "the author sees what they wrote");
            assertTrue(everyVersion(as(alice), path).contains(held), "moderators see what they replaced");
        }
        as(bob).when().get("/api/v1/posts/" + post + "/revisions").then()
                .body("publicVersion", equalTo(List.of(false, true)));
        for (String page : List.of("/posts/" + post + "/history", "/comments/" + comment + "/history")) {
            String html = given().when().get(page).then().statusCode(200).extract().asString();
            assertFalse(html.contains("4000 mg") || html.contains("0176"), page + " shows held text");
            assertTrue(html.contains("Ask a pharmacist"), page);
            assertTrue(as(bob).when().get(page).then().statusCode(200).extract().asString().contains("0176 4455 9911"),
                    "the author's own history page shows it, marked as not public");
        }
    }

    @Test
    void anEditHeldForReviewJoinsThePublicHistoryOnceAModeratorApprovesIt() {
        long post = id(as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY",
                "title", "A story edited into held text", "body", "Walking helped.", "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts"));
        // Plainly unsafe: the dosing rule holds it, and no retrained model's second opinion (other tests retrain it)
        // can take it for a look-alike, as it once did "Walking helped, and 4000 mg of ibuprofen".
        String edit = "Walking helped. Just take 4000 mg of ibuprofen at once, the label is far too careful ("
                + System.nanoTime() + ").";
        as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", "A story edited into held text",
                "body", edit, "conditions", List.of("sciatica"), "version", 0))
                .when().put("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        int item = as(alice).when().get("/api/v1/moderation/queue").then()
                .extract().path("find { it.targetId == " + post + " && it.target == 'POST' }.id");
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
        List<String> texts = given().when().get("/api/v1/posts/" + post + "/revisions").then().statusCode(200)
                .extract().path("text");
        assertEquals(2, texts.size(), "the original and the approved edit: " + texts);
        assertTrue(texts.get(1).startsWith(edit));
    }
}

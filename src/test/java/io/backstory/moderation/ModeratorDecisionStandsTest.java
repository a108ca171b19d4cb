package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A moderator's decision stands until a moderator reverses it: dismissing a later flag on content a moderator hid
 * leaves it hidden, and the later item shows what was decided about the same content before.
 */
@QuarkusTest
class ModeratorDecisionStandsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    private long story(String title) {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                "body", "Sleeping on the floor cured me overnight.", "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private static long flag(String user, long post) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("reason", "UNSAFE_ADVICE"))
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201)
                .extract().path("reviewItemId")).longValue();
    }

    private void decide(long item, String action, String note) {
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().statusCode(200)
                .extract().path("version");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", action, "version", version, "note", note))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
    }

    @Test
    void dismissingALaterFlagLeavesHiddenContentHiddenAndTheItemShowsTheEarlierHide() {
        long post = story("A cure a moderator hid " + System.nanoTime());
        long first = flag(carol, post);
        decide(first, "HIDE", "Not a cure; dangerous to copy");
        given().when().get("/api/v1/posts/" + post).then().statusCode(404);

        long second = flag(admin, post);
        assertTrue(second != first, "a new item for the new flag");
        decide(second, "DISMISS_FLAGS", "");
        given().when().get("/api/v1/posts/" + post).then().statusCode(404);

        as(alice).when().get("/api/v1/moderation/items/" + second).then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("contentStatus", equalTo("HIDDEN"))
                .body("history.action", hasItem("HIDE"))
                .body("history.find { it.action == 'HIDE' }.itemId", equalTo((int) first))
                .body("history.find { it.action == 'HIDE' }.moderator", equalTo(alice))
                .body("history.find { it.action == 'HIDE' }.note", equalTo("Not a cure; dangerous to copy"));
        Document page = PageForms.html(as(alice).when().get("/moderation/items/" + second));
        String history = page.select(".history").text();
        assertTrue(history.contains("Hidden") && history.contains("Not a cure; dangerous to copy"), history);
    }

    @Test
    void onlyAModeratorsApprovalPublishesWhatAModeratorHid() {
        long post = story("A cure a moderator hid and later approved " + System.nanoTime());
        decide(flag(carol, post), "HIDE", "Hidden while we check");
        long second = flag(admin, post);
        decide(second, "APPROVE", "Checked: fine after all");
        given().when().get("/api/v1/posts/" + post).then().statusCode(200);
    }
}

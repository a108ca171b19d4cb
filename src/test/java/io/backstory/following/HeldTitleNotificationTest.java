package io.backstory.following;

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

/** Notifications show a post's title only while the post is visible to their reader. */
@QuarkusTest
class HeldTitleNotificationTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String dora = TestUsers.newMember();

    private static Map<String, Object> story(String title, Integer version) {
        Map<String, Object> post = new java.util.HashMap<>(Map.of("kind", "STORY", "title", title,
                "body", "Walking helped me more than rest.", "conditions", List.of("muscle-spasm")));
        if (version != null) {
            post.put("version", version);
        }
        return post;
    }

    /** The text of dora's notification linking to this post. */
    private String doraHeardAbout(long post) {
        List<String> texts = as(dora).when().get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("findAll { it.link == '/posts/" + post + "' }.text");
        assertEquals(1, texts.size(), "one notice about the post: " + texts);
        return texts.get(0);
    }

    @Test
    void aTitleEditedIntoHeldTextIsNotShownToFollowers() {
        as(dora).when().put("/api/v1/conditions/muscle-spasm/follow").then().statusCode(204);
        try {
            String calm = "Spasm story for followers " + System.nanoTime();
            long post = ((Number) as(bob).contentType(ContentType.JSON).body(story(calm, null))
                    .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
            assertEquals("New post in Muscle spasm / thrown-out back: \"" + calm + "\"", doraHeardAbout(post));

            String unsafe = "Take 4000 mg of ibuprofen " + System.nanoTime();
            as(bob).contentType(ContentType.JSON).body(story(unsafe, 0)).when().put("/api/v1/posts/" + post)
                    .then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));
            given().when().get("/api/v1/posts/" + post).then().statusCode(404);

            assertEquals("New post in Muscle spasm / thrown-out back: \"a post under review\"", doraHeardAbout(post));
            String page = as(dora).when().get("/notifications").then().statusCode(200).extract().asString();
            assertFalse(page.contains(unsafe), "the notifications page shows the held title");
            String export = as(dora).when().get("/api/v1/me/export").then().statusCode(200).extract().asString();
            assertFalse(export.contains(unsafe), "the export shows the held title");

            int item = as(alice).when().get("/api/v1/moderation/queue").then()
                    .extract().path("find { it.targetId == " + post + " && it.target == 'POST' }.id");
            int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
            as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                    .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
            assertTrue(doraHeardAbout(post).contains(unsafe), "once a moderator publishes it, the title is public again");
        } finally {
            as(dora).when().delete("/api/v1/conditions/muscle-spasm/follow").then().statusCode(204);
        }
    }
}

package io.backstory.following;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FollowingTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    private static long post(String user, String kind, String title, String body, String conditions) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "%s", "title": "%s", "body": "%s", "conditions": [%s]}""".formatted(kind, title, body, conditions))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private static long reply(String user, long post, Long parent, String body) {
        String json = "{\"body\": \"" + body + "\"" + (parent == null ? "" : ", \"parentId\": " + parent) + "}";
        return ((Number) as(user).contentType(ContentType.JSON).body(json).when().post("/api/v1/posts/" + post + "/comments")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static List<String> notices(String user, String containing) {
        List<String> texts = as(user).when().get("/api/v1/me/notifications").then().statusCode(200).extract().path("text");
        return texts.stream().filter(t -> t.contains(containing)).toList();
    }

    @Test
    void replyingNotifiesTheParentsAuthorOnce() {
        String title = "Reply notification probe " + System.nanoTime();
        long post = post(bob, "QUESTION", title, "Anyone?", "\"sciatica\"");
        long top = reply(alice, post, null, "Walking helped me.");
        assertEquals(1, notices(bob, title).size(), "the post's author hears about the top-level reply");
        assertTrue(notices(bob, title).get(0).startsWith(alice + " replied to your post"), notices(bob, title).get(0));
        reply(admin, post, top, "Same here.");
        assertEquals(1, notices(alice, title).size(), "the comment's author hears about the reply to it");
        assertEquals(1, notices(bob, title).size(), "a reply to a comment does not notify the post's author too");
        reply(bob, post, null, "Thanks all.");
        assertEquals(1, notices(bob, title).size(), "replying to yourself notifies nobody");

        as(bob).contentType(ContentType.JSON).body("{\"commentId\": " + top + "}")
                .when().put("/api/v1/posts/" + post + "/accepted-answer").then().statusCode(204);
        assertTrue(notices(alice, title).stream().anyMatch(t -> t.contains("marked as the one that helped")));
    }

    @Test
    void followingAConditionNotifiesOnceAboutEachNewPostThere() {
        as(alice).when().put("/api/v1/conditions/facet-joint-pain/follow").then().statusCode(204);
        as(alice).when().put("/api/v1/conditions/scoliosis/follow").then().statusCode(204);
        String title = "Facet and scoliosis probe " + System.nanoTime();
        post(bob, "STORY", title, "Both at once.", "\"facet-joint-pain\", \"scoliosis\"");
        assertEquals(1, notices(alice, title).size(), "one notice even when two followed conditions match");
        String held = "Held facet probe " + System.nanoTime();
        post(bob, "TIP", held, "Just take double the ibuprofen.", "\"facet-joint-pain\"");
        assertEquals(0, notices(alice, held).size(), "held posts announce nothing");
        as(alice).when().delete("/api/v1/conditions/facet-joint-pain/follow").then().statusCode(204);
        as(alice).when().delete("/api/v1/conditions/scoliosis/follow").then().statusCode(204);
        String after = "After unfollowing probe " + System.nanoTime();
        post(bob, "STORY", after, "Nobody follows now.", "\"facet-joint-pain\"");
        assertEquals(0, notices(alice, after).size());

        assertEquals(303, PageForms.submit(alice, "/conditions/scoliosis", "/conditions/scoliosis/follow",
                Map.of("follow", "true")).statusCode());
        Document page = PageForms.html(as(alice).when().get("/conditions/scoliosis"));
        assertEquals("true", page.selectFirst("form.follow button").attr("aria-pressed"));
        as(alice).when().delete("/api/v1/conditions/scoliosis/follow").then().statusCode(204);
        as(alice).when().put("/api/v1/conditions/nope/follow").then().statusCode(404);
    }

    @Test
    void membersBookmarkPostsAndExportThem() {
        long post = post(bob, "TIP", "A tip worth bookmarking " + System.nanoTime(), "Heat, then walk.", "\"sciatica\"");
        assertEquals(303, PageForms.submit(alice, "/posts/" + post, "/posts/" + post + "/bookmark",
                Map.of("save", "true")).statusCode());
        as(alice).when().get("/api/v1/me/bookmarks").then().body("postId", hasItem((int) post));
        Document page = PageForms.html(as(alice).when().get("/bookmarks"));
        assertTrue(page.select("a[href=/posts/" + post + "]").size() == 1);
        as(alice).when().get("/api/v1/me/export").then().body("bookmarks.postId", hasItem((int) post));
        as(alice).when().delete("/api/v1/posts/" + post + "/bookmark").then().statusCode(204);
        as(alice).when().get("/api/v1/me/bookmarks").then().body("postId", org.hamcrest.Matchers.not(hasItem((int) post)));
    }
}

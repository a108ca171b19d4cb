package io.backstory.writing;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What a member sees around their writing: a word that the post is published, notifications read once opened,
 * the conditions they follow, plain follow and bookmark labels, and a post started from a condition's page.
 */
@QuarkusTest
class MemberPagesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    @Test
    void savingAPostSaysItIsPublishedToItsAuthorOnly() {
        String title = "Published confirmation probe " + System.nanoTime();
        Response saved = PageForms.submit(bob, "/posts/new", "/posts", Map.of("kind", "STORY", "title", title,
                "body", "Short walks every morning.", "condition", "sciatica"));
        assertEquals(303, saved.statusCode(), saved.asString());
        String location = saved.getHeader("Location");
        assertTrue(location.endsWith("?saved=new"), location);
        Document page = PageForms.html(as(bob).when().get(location));
        assertEquals("Your story is published. Thank you for sharing.", page.selectFirst(".saved-confirmation").text());
        assertNull(PageForms.html(as(carol).when().get(location)).selectFirst(".saved-confirmation"));

        String post = location.replaceAll(".*/posts/(\\d+).*", "$1");
        String version = PageForms.html(as(bob).when().get("/posts/" + post + "/edit"))
                .selectFirst("input[name=version]").val();
        Response edited = PageForms.submit(bob, "/posts/" + post + "/edit", "/posts/" + post + "/edit",
                Map.of("kind", "STORY", "title", title, "body", "Short walks every morning and evening.",
                        "condition", "sciatica", "version", version));
        assertEquals(303, edited.statusCode(), edited.asString());
        assertEquals("Your changes are saved and published.",
                PageForms.html(as(bob).when().get(edited.getHeader("Location"))).selectFirst(".saved-confirmation").text());
    }

    @Test
    void openingNotificationsMarksThemRead() {
        String title = "Read on open probe " + System.nanoTime();
        long post = ((Number) as(carol).contentType(ContentType.JSON).body("""
                {"kind": "QUESTION", "title": "%s", "body": "Anyone?", "conditions": ["scoliosis"]}""".formatted(title))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        as(alice).contentType(ContentType.JSON).body("{\"body\": \"Swimming helped me.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201);
        assertTrue(PageForms.html(as(carol).when().get("/")).selectFirst("header .badge").text().endsWith(" unread"),
                "the header counts what is unread");
        Document first = PageForms.html(as(carol).when().get("/notifications"));
        assertTrue(first.select(".notifications li.unread").text().contains(title), "this view still shows what is new");
        Document again = PageForms.html(as(carol).when().get("/notifications"));
        assertTrue(again.select(".notifications li.unread").isEmpty(), "opened once, read");
        assertNull(again.selectFirst("header .badge"), "no unread count in the header");
    }

    @Test
    void followedConditionsAreListedAndTheButtonsSayWhatTheyDo() {
        as(carol).when().put("/api/v1/conditions/fibromyalgia/follow").then().statusCode(204);
        try {
            Document list = PageForms.html(as(carol).when().get("/following"));
            assertEquals("/conditions/fibromyalgia", list.selectFirst(".post-list a[href=/conditions/fibromyalgia]").attr("href"));
            Document condition = PageForms.html(as(carol).when().get("/conditions/fibromyalgia"));
            assertEquals("Following ✓ — stop following", condition.selectFirst("form.follow button").text());
        } finally {
            as(carol).when().delete("/api/v1/conditions/fibromyalgia/follow").then().statusCode(204);
        }
        assertEquals("Follow", PageForms.html(as(carol).when().get("/conditions/fibromyalgia"))
                .selectFirst("form.follow button").text());
        assertTrue(PageForms.html(as(carol).when().get("/following")).select("a[href=/conditions/fibromyalgia]").isEmpty());
    }

    @Test
    void aFollowedConditionIsStoppedFromTheListAndTheStopUndone() {
        as(carol).when().put("/api/v1/conditions/scoliosis/follow").then().statusCode(204);
        try {
            Response stop = PageForms.submit(carol, "/following", "/conditions/scoliosis/follow",
                    Map.of("follow", "false", "back", "list"));
            assertEquals(303, stop.statusCode());
            assertTrue(stop.getHeader("Location").endsWith("/following?stopped=scoliosis"), stop.getHeader("Location"));
            Document list = PageForms.html(as(carol).when().get("/following?stopped=scoliosis"));
            assertEquals("You no longer follow Scoliosis.", list.selectFirst(".undo-note p").text());
            assertTrue(list.select(".post-list a[href=/conditions/scoliosis]").isEmpty(), "gone from the list");

            Response undo = PageForms.submit(carol, "/following?stopped=scoliosis", "/conditions/scoliosis/follow",
                    Map.of("follow", "true", "back", "list"));
            assertTrue(undo.getHeader("Location").endsWith("/following"), undo.getHeader("Location"));
            Document again = PageForms.html(as(carol).when().get("/following?stopped=scoliosis"));
            assertNull(again.selectFirst(".undo-note"), "a condition followed again is not reported as stopped");
            assertEquals("Stop following", again.selectFirst("form[action=/conditions/scoliosis/follow] button").text());
        } finally {
            as(carol).when().delete("/api/v1/conditions/scoliosis/follow").then().statusCode(204);
        }
    }

    @Test
    void aBookmarkIsRemovedFromTheListAndTheRemovalUndone() {
        String title = "Bookmark removal probe " + System.nanoTime();
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "QUESTION", "title": "%s", "body": "Does a lumbar roll help in the car?", "conditions": ["sciatica"]}"""
                .formatted(title)).when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        as(carol).when().put("/api/v1/posts/" + post + "/bookmark").then().statusCode(204);
        Response remove = PageForms.submit(carol, "/bookmarks", "/posts/" + post + "/bookmark", Map.of("save", "false", "back", "list"));
        assertTrue(remove.getHeader("Location").endsWith("/bookmarks?removed=" + post), remove.getHeader("Location"));
        Document list = PageForms.html(as(carol).when().get("/bookmarks?removed=" + post));
        assertEquals("Removed \"" + title + "\" from your bookmarks.", list.selectFirst(".undo-note p").text());
        assertTrue(list.select(".post-list a[href=/posts/" + post + "]").isEmpty());

        PageForms.submit(carol, "/bookmarks?removed=" + post, "/posts/" + post + "/bookmark", Map.of("save", "true", "back", "list"));
        Document again = PageForms.html(as(carol).when().get("/bookmarks?removed=" + post));
        assertNull(again.selectFirst(".undo-note"));
        assertEquals(title, again.selectFirst(".post-list a[href=/posts/" + post + "]").text());
    }

    @Test
    void aConditionsPageStartsAPostInThatCondition() {
        // A fresh member has no draft of a new post (a draft would be restored instead of the empty form).
        String starter = TestUsers.newMember();
        Document condition = PageForms.html(as(starter).when().get("/conditions/spinal-stenosis"));
        // A visitor after stories reaches them in one tap, past the chart, the table and the tips.
        assertEquals("Stories and questions", condition.selectFirst("nav.page-jump a[href=#posts-heading]").text());
        assertEquals(1, condition.select("#posts-heading").size());
        String start = condition.selectFirst("main a[href^=/posts/new?]").attr("href");
        assertEquals("/posts/new?condition=spinal-stenosis", start);
        Document form = PageForms.html(as(starter).when().get(start));
        assertTrue(form.selectFirst("input[name=condition][value=spinal-stenosis]").hasAttr("checked"));
        assertEquals(1, form.select("input[name=condition][checked]").size());
        assertTrue(PageForms.html(as(starter).when().get("/posts/new?condition=nope"))
                .select("input[name=condition][checked]").isEmpty(), "an unknown condition is ignored");
    }

    @Test
    void aHeldCommentStaysVisibleToItsAuthorOnlyAndIsCounted() {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "QUESTION", "title": "Held comment probe %d", "body": "What helped your leg pain?",
                 "conditions": ["sciatica"]}""".formatted(System.nanoTime()))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long held = ((Number) as(carol).contentType(ContentType.JSON)
                .body("{\"body\": \"I can sell you a few of my gabapentin pills.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        Document own = PageForms.html(as(carol).when().get("/posts/" + post));
        assertTrue(own.selectFirst("#c" + held + " .waiting-note").text().contains("Waiting for a moderator's check"));
        assertTrue(own.selectFirst("#c" + held + " .body").text().contains("gabapentin"));
        assertEquals("1 comment (yours is waiting for a moderator's check)", own.selectFirst("#comments-heading").text());
        assertTrue(own.select("#c" + held + " a[href*=/reply]").isEmpty(), "no replies to a comment nobody else sees");

        Document other = PageForms.html(as(bob).when().get("/posts/" + post));
        assertNull(other.selectFirst("#c" + held));
        assertEquals("0 comments", other.selectFirst("#comments-heading").text());
        assertTrue(!io.restassured.RestAssured.given().when().get("/posts/" + post).asString().contains("gabapentin"));
        as(carol).when().get("/api/v1/posts/" + post + "/comments").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) held)));
    }
}

package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.demo.DemoStories;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The demo community's stories of real blog length (1,500 to 8,000 characters, headed sections, lists, links, emoji)
 * posted through the page forms as a member would, with their remedy outcomes and their comments: each is saved
 * whole and shown whole.
 */
@QuarkusTest
class LongStoriesThroughPagesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    @Test
    void everyStoryAndItsCommentsArePostedThroughTheFormsAndShownWhole() {
        List<DemoStories.Story> stories = DemoStories.all();
        for (DemoStories.Story story : stories) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", story.kind());
            fields.put("title", story.title());
            fields.put("body", story.body());
            fields.put("condition", story.conditions());
            story.remedies().forEach((remedy, outcome) -> fields.put("remedy." + remedy, outcome));
            Response saved = PageForms.submit(bob, "/posts/new", "/posts", fields);
            long post = saved.statusCode() == 303
                    ? Long.parseLong(saved.getHeader("Location").replaceAll(".*/posts/(\\d+).*", "$1"))
                    : approveHeld(saved, item -> "POST".equals(item.get("target")) && story.title().equals(item.get("title")));
            Document page = PageForms.html(given().when().get("/posts/" + post));
            assertTrue(page.text().contains(DemoStories.lastWords(story.body())), story.title() + ": the end is missing");
            // Headings are demoted below the page's own h1/h2 (MarkdownRenderer): levels one to three are h3 here.
            assertEquals(story.headings(), page.selectFirst("div.body").select("h3").size(), story.title() + ": headings");
            assertEquals(story.remedies().size(), page.select(".outcomes li").size(), story.title() + ": remedy outcomes");
            for (String comment : story.comments()) {
                Response reply = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                        Map.of("body", comment));
                if (reply.statusCode() != 303) {
                    approveHeld(reply, item -> "COMMENT".equals(item.get("target")) && ((Number) item.get("postId")).longValue() == post);
                }
                assertTrue(PageForms.html(given().when().get("/posts/" + post)).text().contains(DemoStories.lastWords(comment)),
                        story.title() + ": a comment's end is missing");
            }
        }
        assertTrue(stories.size() >= 30);
    }

    /**
     * A few ordinary sentences are held by the rules (DemoContentScreeningTest counts them); a moderator approves them
     * from the queue, as on the site. Returns the id of the post or comment approved.
     */
    private long approveHeld(Response answer, java.util.function.Predicate<Map<String, Object>> which) {
        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(PageForms.html(answer).text().contains("moderator"), "neither saved nor held: " + answer.asString());
        List<Map<String, Object>> queue = as(alice).when().get("/api/v1/moderation/queue").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> item = queue.stream().filter(which).reduce((a, b) -> b).orElseThrow();
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", item.get("version"))).when().post("/api/v1/moderation/items/" + item.get("id") + "/actions")
                .then().statusCode(200);
        return ((Number) ("POST".equals(item.get("target")) ? item.get("targetId") : item.get("postId"))).longValue();
    }
}

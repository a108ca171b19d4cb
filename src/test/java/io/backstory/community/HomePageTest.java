package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 17: the home page had no "start here" path and no way past its 20 recent posts. */
@QuarkusTest
class HomePageTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String carol = TestUsers.newMember();

    @Test
    void theStartHereGuideLinksWarningSignsAndTheBestTips() {
        Document home = PageForms.html(given().when().get("/"));
        Element guide = home.selectFirst("section.start-here");
        assertNotNull(guide, "the guide is on the home page");
        assertEquals("Just hurt your back? Start here", guide.selectFirst("h2").text());
        assertTrue(guide.text().contains("get urgent care now"), guide.text());
        for (String link : List.of("/conditions/muscle-spasm", "/conditions/muscle-spasm/tips", "/remedies/heat")) {
            assertNotNull(guide.selectFirst("a[href=" + link + "]"), link);
            given().when().get(link).then().statusCode(200);
        }
    }

    @Test
    void olderPostsArePagedTwentyAtATime() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            String title = "Home paging " + run + " post " + i;
            titles.add(title);
            as(carol).contentType(ContentType.JSON).body("""
                    {"kind": "TIP", "title": "%s", "body": "A short walk every hour.", "conditions": ["sciatica"]}""".formatted(title))
                    .when().post("/api/v1/posts").then().statusCode(201);
        }
        Document first = PageForms.html(given().when().get("/"));
        List<String> shown = first.select(".post-list a.title").eachText();
        assertEquals(20, shown.size());
        assertEquals(titles.get(20), shown.get(0), "newest first");
        assertFalse(shown.contains(titles.get(0)), "the oldest of the 21 is on the next page");
        String next = first.selectFirst(".pagination a[rel=next]").attr("href");
        Document second = PageForms.html(given().urlEncodingEnabled(false).when().get(next));
        assertEquals(titles.get(0), second.selectFirst(".post-list a.title").text());
        assertEquals("Older posts", second.selectFirst("#recent-heading").text());
        assertNotNull(second.selectFirst(".pagination a[href=/]"), "a way back to the newest");
        assertTrue(second.select("section.start-here").isEmpty(), "the guide is on the first page only");
    }
}

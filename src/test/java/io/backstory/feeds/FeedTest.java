package io.backstory.feeds;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.backstory.platform.api.PageSizes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class FeedTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    @Inject
    PageSizes pageSizes;

    private long post(String title, String body, String condition, String remedies) {
        return ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "%s", "conditions": ["%s"], "remedies": [%s]}"""
                .formatted(title, body, condition, remedies)).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static SyndFeed feed(String path) throws Exception {
        String xml = given().when().get(path).then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asString();
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void feedsParseAndCarryOnlyPublishedPosts() throws Exception {
        long published = post("Feed probe: spondylolisthesis and swimming", "Swimming **helped** me.",
                "spondylolisthesis", "{\"remedy\": \"swimming\", \"outcome\": \"HELPED\"}");
        post("Feed probe: a held dosing tip", "Just take double the ibuprofen.", "spondylolisthesis", "");
        long deleted = post("Feed probe: a post deleted by its author", "Gone soon.", "spondylolisthesis", "");
        as(bob).when().delete("/api/v1/posts/" + deleted).then().statusCode(204);

        SyndFeed condition = feed("/conditions/spondylolisthesis/feed.atom");
        assertEquals("atom_1.0", condition.getFeedType());
        assertTrue(titles(condition).contains("Feed probe: spondylolisthesis and swimming"));
        assertFalse(titles(condition).contains("Feed probe: a held dosing tip"), "held posts stay out");
        assertFalse(titles(condition).contains("Feed probe: a post deleted by its author"), "deleted posts stay out");
        SyndEntry entry = condition.getEntries().stream()
                .filter(e -> e.getTitle().equals("Feed probe: spondylolisthesis and swimming")).findFirst().orElseThrow();
        assertTrue(entry.getLink().endsWith("/posts/" + published) && entry.getLink().startsWith("http"), entry.getLink());
        assertTrue(entry.getContents().get(0).getValue().contains("<strong>helped</strong>"));
        assertEquals(bob, entry.getAuthor());

        assertTrue(titles(feed("/remedies/swimming/feed.atom")).contains("Feed probe: spondylolisthesis and swimming"));
        assertTrue(titles(feed("/feeds/site.atom")).contains("Feed probe: spondylolisthesis and swimming"));
        assertTrue(feed("/feeds/site.atom").getEntries().size() <= pageSizes.feedEntries());
        given().when().get("/conditions/no-such-condition/feed.atom").then().statusCode(404);
    }

    @Test
    void pagesLinkTheirFeeds() {
        Document page = PageForms.html(given().when().get("/conditions/spondylolisthesis"));
        assertEquals(List.of("/feeds/site.atom", "/conditions/spondylolisthesis/feed.atom"),
                page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"));
        Document home = PageForms.html(given().when().get("/"));
        assertEquals("/feeds/site.atom", home.selectFirst("link[rel=alternate]").attr("href"));
    }
}

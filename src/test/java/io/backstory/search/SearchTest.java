package io.backstory.search;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SearchTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    private long post(String title, String body, String condition) {
        return ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "%s", "conditions": ["%s"]}""".formatted(title, body, condition))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private static List<Long> ids(String q, String... params) {
        var request = given().queryParam("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.findAll { it.type == 'POST' }.postId", Long.class);
    }

    @Test
    void findsByBodyWordSynonymAndPhraseAndExcludesWords() {
        long kayak = post("Paddling my way back from a bulge", "Kayaking gently every weekend loosened my zygapophyseal stiffness.",
                "herniated-disc");
        long other = post("Kayak trips made it worse", "Kayaking hurt my lower back every single time.", "muscle-spasm");
        assertTrue(ids("zygapophyseal").contains(kayak), "a word in the body");
        assertTrue(ids("slipped disc kayaking").contains(kayak), "a synonym of the post's condition");
        assertFalse(ids("slipped disc kayaking").contains(other));
        assertTrue(ids("\"every weekend\"").contains(kayak), "a quoted phrase");
        assertFalse(ids("\"weekend every\"").contains(kayak), "phrase order matters");
        List<Long> withoutWorse = ids("kayaking -worse");
        assertTrue(withoutWorse.contains(kayak) && !withoutWorse.contains(other), "-word excludes");
        assertEquals(List.of(kayak), ids("kayaking", "condition", "herniated-disc"));
    }

    @Test
    void heldHiddenAndRemovedContentNeverShows() {
        post("Quokkaesque dosing advice", "Quokkaesque trick: just take double the ibuprofen.", "sciatica");
        long deleted = post("Quokkaesque deleted story", "Quokkaesque words in a deleted post.", "sciatica");
        as(bob).when().delete("/api/v1/posts/" + deleted).then().statusCode(204);
        given().queryParam("q", "quokkaesque").when().get("/api/v1/search").then().statusCode(200)
                .body("hits.size()", equalTo(0));
        Document page = PageForms.html(given().queryParam("q", "quokkaesque").when().get("/search"));
        assertFalse(page.text().contains("dosing advice"));
    }

    @Test
    void queriesWithSyntaxCharactersAreValidSearches() {
        for (String q : List.of("'", "&", "|", "!", ":*", "\\", "back & | ! :* pain", "o'reilly's \"unclosed", "(((", "-")) {
            given().queryParam("q", q).when().get("/api/v1/search").then().statusCode(200);
            given().queryParam("q", q).when().get("/search").then().statusCode(200);
        }
        given().queryParam("q", "x".repeat(201)).when().get("/api/v1/search").then().statusCode(400);
        given().queryParam("q", "back").queryParam("from", "yesterday").when().get("/api/v1/search").then().statusCode(400);
        // Relevance is judged among a bounded set of the newest matches: 20 pages at most.
        given().queryParam("q", "back").queryParam("page", 21).when().get("/api/v1/search").then().statusCode(400)
                .body("errors.field", hasItem("page")).body("errors.message", hasItem("must be between 1 and 20"));
        given().queryParam("q", "back").queryParam("page", 20).when().get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void snippetsHighlightMatchesButStayInert() {
        post("Snippet probe about herniation", "Zorblatting <script>alert(1)</script> helped my herniation a lot.", "herniated-disc");
        Document page = PageForms.html(given().queryParam("q", "zorblatting").when().get("/search"));
        assertEquals("Zorblatting", page.selectFirst(".snippet mark").text());
        assertTrue(page.select(".snippet script").isEmpty());
    }

    /** Issue 17: snippets showed raw Markdown and started mid-word; no count, no condition per hit. */
    @Test
    void resultsShowPlainSnippetsTheirCountAndEachHitsConditions() {
        String body = "## Week one\\n\\n**Things that helped** - a glimmerwick pad and _slow_ walks.\\n\\n"
                + "- more glimmerwick in the evening";
        post("Glimmerwick story one", body, "sciatica");
        post("Glimmerwick story two", "Glimmerwick again, with **bold** words.", "herniated-disc");
        Document page = PageForms.html(given().queryParam("q", "glimmerwick").when().get("/search"));
        assertEquals("2 results for \"glimmerwick\"", page.selectFirst(".result-count").text());
        List<String> snippets = page.select(".search-results .snippet").eachText();
        for (String snippet : snippets) {
            assertFalse(snippet.contains("**") || snippet.contains("#") || snippet.contains("_slow_"), "Markdown marks in " + snippet);
        }
        assertTrue(snippets.stream().anyMatch(snippet -> snippet.contains("helped - a glimmerwick pad and slow walks.")), snippets.toString());
        List<String> meta = page.select(".search-results .meta").eachText();
        assertTrue(meta.stream().anyMatch(m -> m.startsWith("Sciatica · by ")), meta.toString());
        assertTrue(meta.stream().anyMatch(m -> m.startsWith("Herniated disc · by ")), meta.toString());
    }

    @Test
    void misspeltConditionsGetADidYouMean() {
        given().queryParam("q", "sciatca").when().get("/api/v1/search").then().body("didYouMean", equalTo("Sciatica"));
    }
}

package io.backstory.pages;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What search engines and link previews read: canonical address, description, Open Graph tags. */
@QuarkusTest
class PageMetadataTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    @Test
    void aPostNamesItsCanonicalAddressAndDescribesItselfForLinkPreviews() {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Micro cat-cows before getting out of bed", "body": "Slowly, ten times.",
                 "conditions": ["muscle-spasm", "sciatica"]}""").when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
        Document page = PageForms.html(given().when().get("/posts/" + post + "?sort=new"));
        String canonical = page.selectFirst("link[rel=canonical]").attr("href");
        assertTrue(canonical.matches("http://localhost:\\d+/posts/" + post), canonical);
        assertEquals(canonical, page.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals("Micro cat-cows before getting out of bed - Backstory", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(page.title(), page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("Tip about Muscle spasm / thrown-out back, Sciatica on Backstory: what they tried and what helped.",
                page.selectFirst("meta[name=description]").attr("content"));
        assertEquals(page.selectFirst("meta[name=description]").attr("content"),
                page.selectFirst("meta[property=og:description]").attr("content"));
        assertEquals("/favicon.svg", page.selectFirst("link[rel=icon]").attr("href"));
        given().when().get("/favicon.svg").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("svg"));
    }
}

package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Script payloads in every member-written field never come back executable. */
@QuarkusTest
class HostileMarkupTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click me](javascript:alert(1))",
            "<a href=\\\"javascript:alert(1)\\\">x</a>",
            "<svg onload=alert(1)>",
            "\\\"><script>alert(1)</script>",
            "<iframe src=javascript:alert(1)></iframe>",
            "[x](JaVaScRiPt:alert(1))",
            "<details open ontoggle=alert(1)>");

    @Test
    void payloadsInTitleBodyAndCommentsAreInert() {
        for (String payload : PAYLOADS) {
            long post = Posts.create("bob", Posts.STORY
                    .replace("Threw my back out lifting a suitcase", "My story " + payload)
                    .replace("**Heat** and short walks helped; lying on the couch made it worse.", "Body " + payload));
            Posts.comment("alice", post, null, "Comment " + payload);
            for (String path : List.of("/", "/posts/" + post, "/conditions/muscle-spasm", "/remedies/heat",
                    "/posts/" + post + "/history")) {
                assertInert(given().when().get(path).then().statusCode(200).extract().asString(), path + " with " + payload);
            }
            String bodyHtml = given().when().get("/api/v1/posts/" + post).then().statusCode(200).extract().path("bodyHtml");
            assertInert(bodyHtml, "API bodyHtml with " + payload);
            String commentHtml = given().when().get("/api/v1/posts/" + post + "/comments").then().extract().path("[0].bodyHtml");
            assertInert(commentHtml, "API comment bodyHtml with " + payload);
        }
    }

    @Test
    @TestSecurity(user = "<script>alert(1)</script>", roles = "member")
    void aHostileLoginNameNeverBecomesMarkup() {
        String handle = given().when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
        assertFalse(handle.contains("<"), handle);
        assertInert(given().when().get("/").then().extract().asString(), "home page for a hostile login name");
    }

    @Test
    void linksInMemberTextAreMarkedAsUserGeneratedAndNofollow() {
        long post = Posts.create("bob", Posts.STORY.replace("**Heat** and short walks helped; lying on the couch made it worse.",
                "See [my physio's exercises](https://example.org/exercises) and https://example.org/auto"));
        Document page = Jsoup.parse(given().when().get("/posts/" + post).then().extract().asString());
        List<Element> links = page.select(".post .body a");
        assertEquals(2, links.size());
        for (Element link : links) {
            assertTrue(link.attr("rel").contains("nofollow") && link.attr("rel").contains("ugc")
                    && link.attr("rel").contains("noopener"), link.outerHtml());
        }
    }

    static void assertInert(String html, String where) {
        Document document = Jsoup.parse(html);
        for (Element element : document.getAllElements()) {
            assertFalse(element.tagName().equals("script") && !element.hasAttr("src") && element.data().contains("alert"),
                    "script element in " + where);
            assertFalse(List.of("iframe", "img", "object", "embed").contains(element.tagName()), element.tagName() + " in " + where);
            if (element.tagName().equals("svg")) {
                assertTrue(element.parent() != null && element.parent().hasClass("evidence-chart"),
                        "only our own chart may be an svg, in " + where);
            }
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), "event handler in " + where + ": " + element);
                assertFalse(attribute.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"),
                        "javascript: URL in " + where + ": " + element);
            }
        }
    }
}

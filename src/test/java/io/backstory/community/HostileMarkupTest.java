package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.backstory.platform.HostilePayloads;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import io.quarkus.test.security.TestSecurity;

/** Script payloads in every member-written field never come back executable. */
@QuarkusTest
class HostileMarkupTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every payload of the corpus as a title, a body and a comment, through the API, and as a search: each is
     * either refused with a readable 4xx that wrote nothing, or stored exactly and shown inert on every page.
     */
    @TestFactory
    Stream<DynamicTest> everyCorpusPayloadIsRefusedCleanlyOrStoredExactlyAndShownInert() {
        List<String> payloads = HostilePayloads.all();
        assertTrue(payloads.size() >= 100, "the corpus has " + payloads.size() + " payloads");
        return IntStream.range(0, payloads.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "payload " + (i + 1) + ": " + payloads.get(i).replaceAll("\\p{Cntrl}", "?"), () -> tryPayload(payloads.get(i))));
    }

    private void tryPayload(String payload) throws Exception {
        String title = "My story " + payload;
        String before = Posts.writeFootprint();
        Response created = as(bob).contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of(
                "kind", "STORY", "title", title, "body", "Body " + payload, "conditions", List.of("muscle-spasm"),
                "remedies", List.of(Map.of("remedy", "heat", "outcome", "HELPED"))))).when().post("/api/v1/posts");
        if (created.statusCode() != 201) {
            assertRefusedCleanly(created, payload);
            assertEquals(before, Posts.writeFootprint(), "a refused post wrote something: " + payload);
        } else {
            long post = ((Number) created.path("id")).longValue();
            given().when().get("/api/v1/posts/" + post).then().statusCode(200)
                    .body("title", equalTo(title.strip())).body("body", equalTo("Body " + payload));
            Response comment = as(alice).contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of("body", "Comment " + payload)))
                    .when().post("/api/v1/posts/" + post + "/comments");
            if (comment.statusCode() != 201) {
                assertRefusedCleanly(comment, payload);
            }
            for (String path : List.of("/posts/" + post, "/conditions/muscle-spasm", "/remedies/heat", "/posts/" + post + "/history")) {
                assertInert(given().when().get(path).then().statusCode(200).extract().asString(), path + " with " + payload);
            }
            assertInert(given().when().get("/api/v1/posts/" + post).then().extract().path("bodyHtml"), "API bodyHtml with " + payload);
            Response flag = as(alice).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(Map.of("reason", "OTHER", "note", "Note " + payload)))
                    .when().post("/api/v1/posts/" + post + "/flags");
            if (flag.statusCode() == 201) {
                long item = ((Number) flag.path("reviewItemId")).longValue();
                assertInert(as(alice).when().get("/moderation/items/" + item).then().statusCode(200).extract().asString(),
                        "review item with a flag note " + payload);
            } else {
                assertRefusedCleanly(flag, payload);
            }
        }
        Response suggestion = as(carol).contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of(
                "kind", "REMEDY", "name", "Remedy " + payload.substring(0, Math.min(100, payload.length())), "note", payload)))
                .when().post("/api/v1/tag-suggestions");
        if (suggestion.statusCode() == 201) {
            assertInert(as(alice).when().get("/moderation/tags").then().statusCode(200).extract().asString(),
                    "tag suggestions with " + payload);
        } else {
            assertRefusedCleanly(suggestion, payload);
        }
        Response handle = as(carol).contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of("handle", payload)))
                .when().put("/api/v1/me/handle");
        if (handle.statusCode() != 200) {
            assertRefusedCleanly(handle, payload);
        }
        String beforeForm = Posts.writeFootprint();
        Response form = io.backstory.platform.PageForms.submit(bob, "/posts/new", "/posts", Map.of("kind", "TIP",
                "title", "Form tip " + payload, "body", "Form body " + payload, "condition", "sciatica"));
        if (form.statusCode() == 303) {
            String location = form.header("Location");
            assertInert(given().when().get(location.substring(location.indexOf("/posts/"))).then().statusCode(200)
                    .extract().asString(), "a post written through the form with " + payload);
        } else {
            assertRefusedCleanly(form, payload);
            assertEquals(beforeForm, Posts.writeFootprint(), "a refused form wrote something: " + payload);
            if (form.statusCode() == 400 && form.contentType().startsWith("text/html")
                    && !io.backstory.platform.PageForms.html(form).select("textarea[name=body]").isEmpty()) {
                // As HTML carries it: a parser reads NUL as U+FFFD (the member's browser shows the same).
                assertEquals(("Form body " + payload).replace('\u0000', '\uFFFD'), io.backstory.platform.PageForms.html(form)
                        .selectFirst("textarea[name=body]").wholeText(), "the form keeps the member's text");
            }
        }
        Response search = given().queryParam("q", payload).when().get("/search");
        if (search.statusCode() == 200) {
            assertInert(search.asString(), "search page for " + payload);
        } else {
            assertRefusedCleanly(search, payload);
        }
        Response apiSearch = given().queryParam("q", payload).when().get("/api/v1/search");
        if (apiSearch.statusCode() != 200) {
            assertRefusedCleanly(apiSearch, payload);
        }
    }

    /** A 4xx (never a 5xx) whose body says what was wrong. */
    static void assertRefusedCleanly(Response response, String payload) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "answered " + status + " for " + payload + ": " + response.asString());
        assertFalse(response.asString().isBlank(), "a " + status + " without an explanation for " + payload);
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
        long post = Posts.create(bob, Posts.STORY.replace("**Heat** and short walks helped; lying on the couch made it worse.",
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
                assertTrue(element.closest("figure.evidence-chart") != null,
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

package io.backstory.platform.cache;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.platform.ProductionLike;
import io.backstory.platform.StatementCounter;
import io.backstory.platform.TestUsers;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The shared read models with the cache on (an hour, so nothing expires during the test): whatever readers could see
 * changes shows at once, because the content generation moves on commit; vote tallies may lag for logged-out readers.
 */
@QuarkusTest
@TestProfile(ProductionLike.class)
class ReadCacheTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();


    @Test
    void aNewCommentAndItsDeletionShowAtOnceToLoggedOutReaders() {
        long post = post(bob, "Cached thread about a stiff morning back", "scoliosis");
        given().when().get("/posts/" + post).then().statusCode(200).body(not(containsString("Reheated rice bag")));
        long comment = ((Number) as(alice).contentType(ContentType.JSON).body("{\"body\": \"Reheated rice bag at night.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        given().when().get("/posts/" + post).then().statusCode(200).body(containsString("Reheated rice bag at night."));
        as(alice).when().delete("/api/v1/comments/" + comment).then().statusCode(204);
        given().when().get("/posts/" + post).then().statusCode(200).body(not(containsString("Reheated rice bag")));
    }

    @Test
    void votesMayLagForLoggedOutReadersButNotForTheVoter() {
        long post = post(bob, "Cached tallies of a post about heat", "scoliosis");
        given().when().get("/posts/" + post).then().statusCode(200).body(containsString("(0 up, 0 down)"));
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(200);
        given().when().get("/posts/" + post).then().statusCode(200).body(containsString("(0 up, 0 down)"));
        as(alice).when().get("/posts/" + post).then().statusCode(200).body(containsString("(1 up, 0 down)"));
    }

    @Test
    void aNewPostShowsAtOnceOnItsConditionPageAndInSearch() {
        String word = "Zanzibarish";
        given().when().get("/conditions/spondylolisthesis").then().statusCode(200).body(not(containsString(word)));
        given().when().get("/search?q=" + word).then().statusCode(200).body(not(containsString(word + " routine")));
        post(alice, word + " routine for a slipped vertebra", "spondylolisthesis");
        given().when().get("/conditions/spondylolisthesis").then().statusCode(200).body(containsString(word + " routine"));
        given().when().get("/search?q=" + word).then().statusCode(200).body(containsString(word + " routine"));
    }

    @Test
    void anEditOfSynonymsAloneShowsAtOnceOnTheCachedConditionPage() {
        String condition = """
                {"slug": "cached-synonyms-%s", "name": "Cached synonyms %s", "description": "A condition whose synonyms change.",
                 "synonyms": [%s]}""";
        String slug = "cached-synonyms-" + System.nanoTime();
        String suffix = slug.substring("cached-synonyms-".length());
        as(alice).contentType(ContentType.JSON).body(condition.formatted(suffix, suffix, "\"tight hip " + suffix + "\""))
                .when().post("/api/v1/conditions").then().statusCode(201);
        given().when().get("/conditions/" + slug).then().statusCode(200).body(containsString("tight hip " + suffix));
        // Only the synonyms change: the condition's own row stays as it was.
        as(alice).contentType(ContentType.JSON).body(condition.formatted(suffix, suffix, "\"stiff hip " + suffix + "\""))
                .when().put("/api/v1/conditions/" + slug).then().statusCode(200);
        given().when().get("/conditions/" + slug).then().statusCode(200)
                .body(containsString("stiff hip " + suffix)).body(not(containsString("tight hip " + suffix)));
    }

    @Test
    void membersShareTheConditionPagesRenderingButEachKeepsTheirOwnFollowButtonAndSeesANewPostAtOnce() {
        String slug = "sciatica";
        as(bob).when().put("/api/v1/conditions/" + slug + "/follow").then().statusCode(204);
        String bobs = as(bob).when().get("/conditions/" + slug).then().statusCode(200).extract().asString();
        String alices = as(alice).when().get("/conditions/" + slug).then().statusCode(200).extract().asString();
        assertTrue(bobs.contains("Following ✓") && bobs.contains("/members/" + bob), "bob's own button and header");
        assertTrue(!alices.contains("Following ✓") && alices.contains("/members/" + alice), "alice's own button and header");
        assertEquals(sharedPart(bobs), sharedPart(alices), "below the follow button, one rendering for every member");
        String visitors = given().when().get("/conditions/" + slug).then().statusCode(200).extract().asString();
        assertEquals(sharedPart(bobs), sharedPart(visitors), "the same rendering for visitors");
        assertTrue(!visitors.contains("/members/" + bob) && !visitors.contains("/members/" + alice)
                && !visitors.contains("Following") && !visitors.contains("csrf-session"), "no member's state for a visitor");
        assertTrue(!bobs.contains("/members/" + alice) && !alices.contains("/members/" + bob), "nor another member's");
        assertTrue(!bobs.contains("<!--shared-") && !visitors.contains("<!--shared-"), "no place mark is sent");

        String word = "Quokkaish";
        post(alice, word + " stretches for a pinched nerve", slug);
        assertTrue(as(bob).when().get("/conditions/" + slug).then().statusCode(200).extract().asString()
                .contains(word + " stretches"), "a new post shows at once to members too");
    }

    /** The condition page from its in-page navigation to the end of the main content. */
    private static String sharedPart(String page) {
        return page.substring(page.indexOf("<nav class=\"page-jump\""), page.indexOf("</main>"));
    }

    @Test
    void aCachedConditionPageCostsOneStatementTheGenerationLookUp() {
        given().when().get("/conditions/facet-joint-pain").then().statusCode(200);
        int cost = statements.during(() -> given().when().get("/conditions/facet-joint-pain").then().statusCode(200));
        assertEquals(1, cost, "a logged-out reader's second view of a condition page");
    }

    @Test
    void aVisitorsConditionPageIsKeptWholeAndAnsweredWithNotModifiedWhenTheBrowserHasIt() {
        String etag = given().when().get("/conditions/facet-joint-pain").then().statusCode(200).extract().header("ETag");
        assertNotNull(etag, "kept whole for the next visitor (an answer that does not say it is HTML is not)");
        given().header("If-None-Match", etag).when().get("/conditions/facet-joint-pain").then().statusCode(304);
    }

    @Inject
    @PersistenceUnitExtension
    StatementCounter statements;

    @Test
    void aVisitorsPageIsRenderedOncePerChangeAndAnsweredWithNotModifiedWhenTheBrowserHasIt() {
        long post = post(bob, "Whole page kept for visitors, about a sore coccyx", "scoliosis");
        Response first = given().when().get("/posts/" + post).then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        assertNotNull(etag, "a visitor's page carries its tag: " + first.getHeaders());
        Response again = given().when().get("/posts/" + post).then().statusCode(200).extract().response();
        assertEquals(etag, again.header("ETag"), "the same rendering until something changes");
        assertEquals("gzip", again.header("Content-Encoding"), "a kept page goes out compressed as well");
        assertEquals(first.asString(), again.asString());
        // Without its content decoders REST Assured asks for no compression, as a client that takes none would.
        Response plain = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .when().get("/posts/" + post).then().statusCode(200).extract().response();
        assertNull(plain.header("Content-Encoding"));
        assertEquals(first.asString(), plain.asString(), "the same page, uncompressed");

        Response notModified = given().header("If-None-Match", etag).when().get("/posts/" + post).then().statusCode(304)
                .extract().response();
        assertEquals("", notModified.asString(), "a 304 sends no page");
        assertEquals(List.of(etag), notModified.getHeaders().getValues("ETag"), "and the page's tag once, as it was");
        given().cookie("csrf-token", first.cookie("csrf-token")).header("If-None-Match", etag).when().get("/posts/" + post)
                .then().statusCode(304);

        as(alice).contentType(ContentType.JSON).body("{\"body\": \"A wedge cushion with a cut-out helped me.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201);
        Response changed = given().header("If-None-Match", etag).when().get("/posts/" + post).then().statusCode(200)
                .body(containsString("A wedge cushion with a cut-out helped me.")).extract().response();
        assertNotEquals(etag, changed.header("ETag"), "a change renders the page anew, with a new tag");
    }

    @Test
    void whoeverPresentsACookieOrALoginGetsTheirOwnRendering() {
        long post = post(bob, "Whole page not kept for members, about a sore coccyx", "scoliosis");
        String etag = given().when().get("/posts/" + post).then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        assertNull(given().cookie("theme", "dark").when().get("/posts/" + post).then().statusCode(200).extract().header("ETag"),
                "a browser with cookies of its own is answered afresh");
        Response member = as(alice).header("If-None-Match", etag).when().get("/posts/" + post).then().statusCode(200)
                .extract().response();
        assertNull(member.header("ETag"));
        assertTrue(member.asString().contains("/members/" + alice), "the member's own page, not the visitors'");
    }

    private static long post(String user, String title, String condition) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "Cache test.", "conditions": ["%s"],
                 "remedies": [{"remedy": "heat", "outcome": "HELPED"}]}""".formatted(title, condition))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }
}

package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Each screening verdict, end to end through the API and the pages. */
@QuarkusTest
class VerdictPathsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Inject
    EntityManager em;
    @Inject
    io.backstory.platform.ratelimit.RateLimits limits;

    private static Response post(String user, String title, String body) {
        return as(user).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "%s", "conditions": ["herniated-disc"]}""".formatted(title, body))
                .when().post("/api/v1/posts");
    }

    @Test
    void aRedFlagIsPublishedWithAnUrgentCareNotice() {
        long id = ((Number) post(bob, "Woke up with a numb groin", "Since this morning I have numbness in my groin and my back hurts.")
                .then().statusCode(201).body("status", equalTo("PUBLISHED"))
                .body("urgentCare[0]", containsString("emergency")).extract().path("id")).longValue();
        Document page = PageForms.html(given().when().get("/posts/" + id));
        // issue 19: an urgent-care box of its own, not a safety note like a heating-pad tip
        assertTrue(page.selectFirst(".post .urgent-care").text().contains("emergency care today"));
        assertTrue(page.select(".post .safety-notice").isEmpty());
        // issue 19: published, and queued in the red-flag tab so a moderator can check on the member
        java.util.List<Integer> redFlags = as(alice).queryParam("category", "RED_FLAG").when().get("/api/v1/moderation/queue")
                .then().statusCode(200).extract().path("targetId");
        assertTrue(redFlags.contains((int) id), redFlags.toString());
    }

    @Test
    void heldAdviceStaysOutOfEveryPublicPlaceUntilApproved() {
        String title = "My dosing trick for bad flare days";
        long id = ((Number) post(bob, title, "Just take double the ibuprofen, it's fine.")
                .then().statusCode(201).body("status", equalTo("PENDING_REVIEW"))
                .body("safetyNotices[0]", containsString("pharmacist")).extract().path("id")).longValue();
        given().when().get("/api/v1/posts/" + id).then().statusCode(404);
        given().when().get("/posts/" + id).then().statusCode(404);
        given().when().get("/").then().body(not(containsString(title)));
        given().when().get("/conditions/herniated-disc").then().body(not(containsString(title)));
        given().queryParam("condition", "herniated-disc").queryParam("limit", 100).when().get("/api/v1/posts")
                .then().body("items.id", not(hasItem((int) id)));
        assertEquals("OPEN", reviewStatus("post_id", id));

        Response form = PageForms.submit(bob, "/posts/new", "/posts", Map.of("kind", "TIP",
                "title", "Another dosing trick from the form", "body", "Take four Advil every three hours.",
                "condition", "sciatica"));
        assertEquals(200, form.statusCode());
        Document held = PageForms.html(form);
        assertEquals("Your post is waiting for a moderator", held.selectFirst("h1").text());
        assertTrue(held.selectFirst(".held-reasons li").text().contains("pharmacist"));
    }

    @Test
    void blockedSpamIsRefusedAndWritesNothing() {
        long posts = count("post");
        long reviews = count("review_item");
        post(bob, "Great deals for back pain sufferers", "Contact me on WhatsApp for the best deals on back braces.")
                .then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("advertising"))
                .body("current.matches[0].category", equalTo("SPAM"));
        assertEquals(posts, count("post"));
        assertEquals(reviews, count("review_item"));
    }

    @Test
    void flaggedAdviceIsPublishedAndQueuedForReview() {
        long id = ((Number) post(bob, "How my husband fixed my disc", "Have your husband pull your legs hard to stretch out the disc.")
                .then().statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("id")).longValue();
        given().when().get("/api/v1/posts/" + id).then().statusCode(200);
        assertEquals("OPEN", reviewStatus("post_id", id));
        String reasons = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select string_agg(rr.rule, ' ') from review_item r join review_reason rr on rr.review_item_id = r.id"
                        + " where r.post_id = ?1").setParameter(1, id).getSingleResult());
        assertTrue(reasons.contains("unsafe-untrained-traction"), reasons);
    }

    @Test
    void theFormPreviewShowsWhatScreeningWouldDoAndABlockKeepsTheText() {
        long before = count("post");
        Response preview = PageForms.submit(bob, "/posts/new", "/posts", Map.of("kind", "STORY",
                "title", "Numb groin since this morning", "body", "I have **numbness in my groin** today.",
                "condition", "sciatica", "preview", "1"));
        assertEquals(200, preview.statusCode());
        Document page = PageForms.html(preview);
        assertTrue(page.selectFirst(".preview .urgent-care").text().contains("emergency care"));
        assertEquals("numbness in my groin", page.selectFirst(".preview .body strong").text());
        assertEquals("Numb groin since this morning", page.selectFirst("input[name=title]").val());
        assertEquals(before, count("post"), "previewing saves nothing");

        Response blocked = PageForms.submit(bob, "/posts/new", "/posts", Map.of("kind", "TIP",
                "title", "Best deals on braces this week", "body", "DM me for wholesale prices on back braces.",
                "condition", "sciatica"));
        assertEquals(422, blocked.statusCode());
        Document kept = PageForms.html(blocked);
        assertEquals("DM me for wholesale prices on back braces.", kept.selectFirst("textarea[name=body]").text());
        assertTrue(kept.selectFirst("#body-error").text().contains("advertising"));
        assertEquals(before, count("post"));
    }

    @Test
    void theLivePreviewFragmentIsServedToMembersWithTheFormsCsrfToken() {
        PageForms.Csrf csrf = PageForms.csrf(bob, "/posts/new", "/posts");
        Response fragment = csrf.applyTo(as(bob)).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Question").formParam("body", "Both legs have gone numb today.")
                .when().post("/posts/preview");
        assertEquals(200, fragment.statusCode());
        Document html = PageForms.html(fragment);
        assertTrue(html.selectFirst(".urgent-care").text().contains("both legs"));
        as(bob).contentType("application/x-www-form-urlencoded").formParam("body", "x").when().post("/posts/preview")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 403)); // no CSRF token: refused
    }

    @Test
    void aHeldCommentIsNotShownOrCounted() {
        long post = ((Number) post(bob, "Question about my sciatica flare", "What helped you with the leg pain?")
                .then().statusCode(201).extract().path("id")).longValue();
        long comment = ((Number) as(alice).contentType(ContentType.JSON)
                .body("{\"body\": \"I can sell you a few of my gabapentin pills.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id")).longValue();
        given().when().get("/api/v1/posts/" + post).then().body("commentCount", equalTo(0));
        given().when().get("/api/v1/posts/" + post + "/comments").then().body("id", not(hasItem((int) comment)));
        assertEquals("OPEN", reviewStatus("comment_id", comment));
    }

    @Test
    void thePreviewShowsVerdictMatchesAndNoticesToAnyone() {
        String text = "My back is fine. I suddenly can't control my bladder.";
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "conditions", List.of("herniated-disc")))
                .when().post("/api/v1/screening");
        response.then().statusCode(200)
                .body("verdict", equalTo("NOTICE"))
                .body("matches[0].rule", equalTo("red-flag-bladder-bowel"))
                .body("matches[0].category", equalTo("RED_FLAG"))
                .body("notices[0]", containsString("emergency"));
        int start = response.path("matches[0].start");
        int end = response.path("matches[0].end");
        assertEquals(text.substring(start, end), response.path("matches[0].excerpt"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Walking helped me a lot."))
                .when().post("/api/v1/screening").then().statusCode(200).body("verdict", equalTo("ALLOW"));
        given().contentType(ContentType.JSON).body(Map.of("text", "x", "conditions", List.of("nope")))
                .when().post("/api/v1/screening").then().statusCode(400).body("errors.field", hasItem("conditions[0]"));
    }

    @Test
    void thePreviewIsRateLimited() {
        String token = io.backstory.platform.TestUsers.token(admin);
        int perMinute = limits.previewsPerMinute();
        boolean limited = false;
        for (int call = 0; call < 2 * perMinute + 1 && !limited; call++) {
            Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("text", "hello")).when().post("/api/v1/screening");
            if (response.statusCode() == 429) {
                limited = true;
                assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
                assertTrue(response.asString().contains("try again"));
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertTrue(limited, "more than " + perMinute + " previews a minute are refused");
        assertFalse(given().contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .when().post("/api/v1/screening").statusCode() == 500);
    }

    private String reviewStatus(String column, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from review_item where " + column + " = ?1").setParameter(1, id).getSingleResult());
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table).getSingleResult()).longValue());
    }
}

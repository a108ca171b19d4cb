package io.backstory.platform;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Limits every way in: the "Check before posting" form preview counts against the same per-minute allowance as the
 * live preview and the screening API; tag suggestions are screened like comments and limited per hour; a silenced
 * member can neither rename themselves nor suggest tags nor vote.
 */
@QuarkusTest
@TestProfile(SmallLimits.class)
class LimitsAndSilencingTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();
    private final String hasty = TestUsers.newMember();
    private final String muted = TestUsers.newMember();

    @Inject
    EntityManager em;

    private static long post(String user, String title) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                "body", "Short walks helped.", "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Object> postFields(String title, String body) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("kind", "STORY", "title", title, "body", body,
                "condition", "sciatica", "preview", "1"));
        return fields;
    }

    /** The form, re-rendered with the refusal and the member's text. */
    private static void assertRefusedKeepingText(Response answer, int status, String action, String field, String text) {
        assertEquals(status, answer.statusCode(), answer.asString());
        Document page = PageForms.html(answer);
        var kept = page.selectFirst("form[action=" + action + "] [name=" + field + "]");
        assertTrue(kept != null, "the form is shown again");
        assertEquals(text, kept.tagName().equals("textarea") ? kept.wholeText() : kept.val());
        assertTrue(!page.select(".form-errors").text().isBlank(), "the form says why");
    }

    @Test
    void theFormPreviewSharesTheOnePreviewLimit() {
        int perMinute = SmallLimits.limit("previews-per-minute");
        long own = post(hasty, "A post hasty will check again " + System.nanoTime());
        if (LocalTime.now().getSecond() > 45) {
            // The allowance is per clock minute: start in a fresh one so the test never straddles two.
            sleepSeconds(61 - LocalTime.now().getSecond());
        }
        for (int call = 0; call < perMinute; call++) {
            as(hasty).contentType(ContentType.JSON).body(Map.of("text", "Is walking good?"))
                    .when().post("/api/v1/screening").then().statusCode(200);
        }
        as(hasty).contentType(ContentType.JSON).body(Map.of("text", "Is walking good?"))
                .when().post("/api/v1/screening").then().statusCode(429).header("Retry-After", notNullValue());

        String body = "A long draft I typed for an hour and only wanted to check.";
        assertRefusedKeepingText(PageForms.submit(hasty, "/posts/new", "/posts", postFields("Checking my draft", body)),
                429, "/posts", "body", body);
        assertRefusedKeepingText(PageForms.submit(hasty, "/posts/" + own + "/edit", "/posts/" + own + "/edit",
                postFields("Checking my edit", body)), 429, "/posts/" + own + "/edit", "body", body);
        assertEquals(429, PageForms.submit(hasty, "/posts/new", "/posts", "/posts/preview",
                Map.of("title", "Checking", "body", body)).statusCode(), "the live preview shares the allowance");
    }

    @Test
    void enteringMailAddressesIsLimitedPerDayAndTheRefusalKeepsTheAddress() {
        int perDay = SmallLimits.limit("address-checks-per-day");
        String tag = Long.toString(System.nanoTime(), 36);
        for (int entered = 0; entered < perDay; entered++) {
            assertEquals(303, PageForms.submit(hasty, "/settings/mail", "/settings/mail/address",
                    Map.of("address", "hasty-" + tag + "-" + entered + "@mail.test")).statusCode());
        }
        assertEquals(400, PageForms.submit(hasty, "/settings/mail", "/settings/mail/address",
                Map.of("address", "not an address")).statusCode(), "a typo is refused as a typo, not counted");
        String over = "hasty-" + tag + "-over@mail.test";
        assertRefusedKeepingText(PageForms.submit(hasty, "/settings/mail", "/settings/mail/address", Map.of("address", over)),
                429, "/settings/mail/address", "address", over);
        assertEquals(0L, count("select count(*) from mail_recipient where pending_address = '" + over + "'"),
                "no confirmation mail goes to an address over the limit");
    }

    @Test
    void tagSuggestionsAreScreenedAndLimitedPerHour() {
        int perHour = SmallLimits.limit("tag-suggestions-per-hour");
        String tag = Long.toString(System.nanoTime(), 36);
        String spam = "Great results! Email me at deals@spam.example for wholesale orders.";
        as(hasty).contentType(ContentType.JSON).body(Map.of("kind", "REMEDY", "name", "Miracle belt " + tag,
                "category", "DEVICE", "note", spam)).when().post("/api/v1/tag-suggestions").then().statusCode(422);
        assertRefusedKeepingText(PageForms.submit(hasty, "/tags/suggest", "/tags/suggest",
                Map.of("kind", "REMEDY", "name", "Miracle belt " + tag, "category", "DEVICE", "note", spam)),
                422, "/tags/suggest", "note", spam);
        assertEquals(0L, count("select count(*) from tag_suggestion where name = 'Miracle belt " + tag + "'"),
                "blocked spam is not stored");

        for (int sent = 2; sent < perHour; sent++) {
            as(hasty).contentType(ContentType.JSON).body(Map.of("kind", "CONDITION", "name", "Coccydynia " + tag + sent))
                    .when().post("/api/v1/tag-suggestions").then().statusCode(201);
        }
        as(hasty).contentType(ContentType.JSON).body(Map.of("kind", "CONDITION", "name", "Coccydynia " + tag))
                .when().post("/api/v1/tag-suggestions").then().statusCode(429).header("Retry-After", notNullValue());
        String note = "Seen in many threads, worth a tag.";
        assertRefusedKeepingText(PageForms.submit(hasty, "/tags/suggest", "/tags/suggest",
                Map.of("kind", "CONDITION", "name", "Coccydynia " + tag, "note", note)), 429, "/tags/suggest", "note", note);
    }

    @Test
    void aSilencedMemberCanNeitherRenameNorSuggestNorVote() {
        String tag = Long.toString(System.nanoTime(), 36);
        long bobs = post(bob, "A story muted would vote on " + tag);
        as(muted).when().get("/api/v1/me").then().statusCode(200).body("handle", equalTo(muted));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set silenced_until = now() + interval '1 day' where oidc_subject = '" + muted + "'").executeUpdate());

        as(muted).contentType(ContentType.JSON).body(Map.of("handle", "insult-" + tag))
                .when().put("/api/v1/me/handle").then().statusCode(403);
        assertRefusedKeepingText(PageForms.submit(muted, "/settings", "/settings/handle", Map.of("handle", "insult-" + tag)),
                403, "/settings/handle", "handle", "insult-" + tag);
        as(muted).when().get("/api/v1/me").then().body("handle", equalTo(muted));

        as(muted).contentType(ContentType.JSON).body(Map.of("kind", "CONDITION", "name", "Insulting name " + tag))
                .when().post("/api/v1/tag-suggestions").then().statusCode(403);
        assertRefusedKeepingText(PageForms.submit(muted, "/tags/suggest", "/tags/suggest",
                Map.of("kind", "CONDITION", "name", "Insulting name " + tag, "note", "kept")), 403, "/tags/suggest", "note", "kept");

        as(muted).contentType(ContentType.JSON).body(Map.of("value", -1))
                .when().put("/api/v1/posts/" + bobs + "/vote").then().statusCode(403);
        assertEquals(403, PageForms.submit(muted, "/posts/" + bobs, "/posts/" + bobs + "/vote", Map.of("value", -1))
                .statusCode());
        given().when().get("/api/v1/posts/" + bobs).then().body("downvotes", equalTo(0));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Long posts and comments are saved on the rules' verdict and read by the screening model a moment later, off the
 * request thread: what only the model finds reaches the queue (and the urgent-care box) after saving.
 */
@QuarkusTest
class DeferredScreeningTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    /** Unsafe advice the rules miss and the model flags. */
    private static final String UNSAFE = "Honestly just crack it yourself, nobody needs a chiropractor for that.";
    /** Red-flag symptoms the rules miss and the model flags. */
    private static final String RED_FLAG = "The inside of my thighs went numb yesterday and now I struggle to start peeing.";
    /** Ordinary sentences of a recovery story, which neither rules nor model mind. */
    private static final String PARAGRAPH = """
            The first week was the worst. I could barely get out of bed and spent most mornings lying on the floor \
            with my knees up. My partner brought me tea and I watched far too much television. By the second week I \
            was walking to the end of the road and back twice a day, slowly, with a lot of breaks.

            """;

    @Inject
    ScreeningService screening;
    @Inject
    EntityManager em;

    /** A long story (over the model's inline limit) with this sentence in the middle. */
    static String story(String sentence) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append(PARAGRAPH);
        }
        text.append(sentence).append("\n\n");
        for (int i = 0; i < 8; i++) {
            text.append(PARAGRAPH);
        }
        return text.toString();
    }

    @Test
    void aLongStoryIsSavedOnTheRulesVerdictAndTheModelFlagsItAMomentLater() {
        assertTrue(screening.screen(PARAGRAPH, Set.of()).matches().isEmpty(), "the filler must be clean for this test");
        assertTrue(screening.rules(UNSAFE, Set.of()).matches().isEmpty(), "only the model can find the sentence");
        String story = story(UNSAFE);
        assertTrue(story.length() > 4_000, "longer than the model's inline limit: " + story.length());
        ScreeningResult whenSaved = screening.screenForSaving(story, Set.of("sciatica"));
        assertTrue(whenSaved.modelLater(), "the model reads it later");
        assertEquals(List.of(), whenSaved.matches(), "saved on the rules' verdict, which finds nothing");
        ScreeningResult shortText = screening.screenForSaving("Heat helped me. " + UNSAFE, Set.of("sciatica"));
        assertFalse(shortText.modelLater());
        assertTrue(shortText.matches().stream().anyMatch(m -> ScreeningService.MODEL_RULE.equals(m.rule())),
                "a short text is read by the model at once");

        Response saved = as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title",
                "Six weeks with a bad back " + System.nanoTime(), "body", story, "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts");
        assertEquals(201, saved.statusCode(), saved.asString());
        assertEquals("PUBLISHED", saved.jsonPath().getString("status"));
        long post = saved.jsonPath().getLong("id");

        String reasons = awaitOpenItemReasons(em, "post_id", post);
        assertTrue(reasons.contains(ScreeningService.MODEL_RULE) && reasons.contains(UNSAFE), reasons);
        assertEquals(0, count("select count(*) from deferred_screening where post_id = " + post), "read once, then gone");
        assertEquals("PUBLISHED", as(bob).when().get("/api/v1/posts/" + post).jsonPath().getString("status"),
                "a flag leaves it published");
    }

    @Test
    void aLongCommentWithRedFlagSymptomsGetsTheUrgentCareAdviceAndTheRedFlagTabOnceTheModelReadsIt() {
        assertTrue(screening.rules(RED_FLAG, Set.of()).matches().isEmpty(), "only the model can find the sentence");
        long post = ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "QUESTION", "title",
                "How long did your sciatica last? " + System.nanoTime(), "body", "Mine is into its third week.",
                "conditions", List.of("sciatica"))).when().post("/api/v1/posts").then().statusCode(201).extract().path("id"))
                .longValue();
        Response saved = as(carol).contentType(ContentType.JSON).body(Map.of("body", story(RED_FLAG)))
                .when().post("/api/v1/posts/" + post + "/comments");
        assertEquals(201, saved.statusCode(), saved.asString());
        assertEquals(List.of(), saved.jsonPath().getList("urgentCare"), "saved on the rules' verdict");
        long comment = saved.jsonPath().getLong("id");

        String reasons = awaitOpenItemReasons(em, "comment_id", comment);
        assertTrue(reasons.contains(RED_FLAG), reasons);
        assertEquals(1, count("select count(*) from review_item where comment_id = " + comment
                + " and status = 'OPEN' and category = 'RED_FLAG'"), "in the moderators' red-flag tab");
        List<String> urgentCare = as(carol).when().get("/api/v1/comments/" + comment).jsonPath().getList("urgentCare");
        assertEquals(List.of(ScreeningService.MODEL_RED_FLAG_NOTICE), urgentCare, "the urgent-care advice came with the model");
        // The model's red flags are often ordinary pain: the writer sees the box, other readers are not alarmed.
        assertNotNull(Jsoup.parse(as(carol).when().get("/posts/" + post).asString()).selectFirst("#c" + comment + " .urgent-care"));
        assertNull(Jsoup.parse(as(bob).when().get("/posts/" + post).asString()).selectFirst("#c" + comment + " .urgent-care"));
        assertNull(Jsoup.parse(given().when().get("/posts/" + post).asString()).selectFirst("#c" + comment + " .urgent-care"));
    }

    /** The reasons of the open review item of a post or comment, once the model has read it (20 s at most). */
    static String awaitOpenItemReasons(EntityManager em, String column, long id) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            List<?> reasons = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select string_agg(concat_ws(' ', rr.rule, rr.label, rr.excerpt), E'\\n' order by rr.position)"
                    + " from review_item r join review_reason rr on rr.review_item_id = r.id"
                    + " where r." + column + " = ?1 and r.status = 'OPEN' group by r.id")
                    .setParameter(1, id).getResultList());
            if (!reasons.isEmpty()) {
                return (String) reasons.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the model did not read " + column + " " + id + " within 20 s");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Issue 19: a moderator who approves a comment the screening model read as red-flag symptoms has found none to check
 * on, so the model's urgent-care box goes for the writer too; undo brings it back. Urgent-care advice from the rules
 * answers what the writer wrote and stays.
 */
@QuarkusTest
class ApprovedModelRedFlagTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    /**
     * Red-flag symptoms the rules miss and the model flags without holding (since batch 30 it holds the sentence
     * DeferredScreeningTest uses; a held comment is no approval case).
     */
    private static final String MODEL_RED_FLAG = "Woke up with no feeling down there and I couldn't tell if I needed the loo.";
    /** Red-flag symptoms a rule finds. */
    private static final String RULES_RED_FLAG = "Since this morning I have numbness in my groin and my back hurts.";

    @Inject
    ScreeningService screening;
    @Inject
    EntityManager em;

    @Test
    void approvingAModelRedFlagTakesItsUrgentCareBoxAwayFromTheWriterAndUndoBringsItBack() {
        assertTrue(screening.rules(MODEL_RED_FLAG, Set.of()).matches().isEmpty(), "only the model can find the sentence");
        long post = post();
        long comment = comment(post, MODEL_RED_FLAG);
        assertEquals(List.of(ScreeningService.MODEL_RED_FLAG_NOTICE), urgentCare(comment), "the model's box, before");
        assertNotNull(boxSeenByWriter(post, comment));

        long item = openRedFlagItem(comment);
        approve(item);

        assertEquals(List.of(), urgentCare(comment), "approved: no box for the writer");
        assertNull(boxSeenByWriter(post, comment));
        assertEquals("PUBLISHED", as(carol).when().get("/api/v1/comments/" + comment).jsonPath().getString("status"));

        long batch = number("select batch_id from moderation_decision where review_item_id = " + item);
        assertEquals(303, PageForms.submit(alice, "/settings", "/settings/handle",
                "/moderation/decisions/" + batch + "/undo", Map.of()).statusCode());
        assertEquals(List.of(ScreeningService.MODEL_RED_FLAG_NOTICE), urgentCare(comment), "undone: the box is back");
    }

    @Test
    void approvingKeepsTheRulesUrgentCareAdvice() {
        long comment = comment(post(), RULES_RED_FLAG);
        List<String> before = urgentCare(comment);
        assertTrue(!before.isEmpty() && !before.contains(ScreeningService.MODEL_RED_FLAG_NOTICE), before.toString());
        approve(openRedFlagItem(comment));
        assertEquals(before, urgentCare(comment));
    }

    private long post() {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "QUESTION", "title",
                "Did anyone else get this? " + System.nanoTime(), "body", "Asking for ideas about my third week.",
                "conditions", List.of("sciatica"))).when().post("/api/v1/posts").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    private long comment(long post, String text) {
        return ((Number) as(carol).contentType(ContentType.JSON).body(Map.of("body", text))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
    }

    private List<String> urgentCare(long comment) {
        return as(carol).when().get("/api/v1/comments/" + comment).jsonPath().getList("urgentCare");
    }

    private org.jsoup.nodes.Element boxSeenByWriter(long post, long comment) {
        return Jsoup.parse(as(carol).when().get("/posts/" + post).asString()).selectFirst("#c" + comment + " .urgent-care");
    }

    private long openRedFlagItem(long comment) {
        return number("select id from review_item where comment_id = " + comment
                + " and status = 'OPEN' and category = 'RED_FLAG'");
    }

    private void approve(long item) {
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().statusCode(200).extract().path("version");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

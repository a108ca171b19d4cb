package io.backstory.moderation.model;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningCategory;
import io.backstory.moderation.ScreeningResult;
import io.backstory.moderation.ScreeningService;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The screening model learns from moderators: approvals of what it flagged retrain it (on demand from the page) and
 * change its verdict on a new similar sentence; a retrain that does worse is kept but not used; putting an earlier
 * version back in use restores its verdicts. Each test leaves the shipped version in use, as other tests expect.
 */
@QuarkusTest
class ScreeningLearningTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    /**
     * Thrifty tips the shipped model reads as unsafe advice (they sound like "you don't need an MRI"), each in a post a
     * moderator approves.
     */
    private static final List<String> APPROVED = List.of("You don't need expensive trainers, any comfy pair will do.",
            "You don't need a pricey heat pad, a hot water bottle works.",
            "You don't need a massage chair, a tennis ball against the wall does it.",
            "You don't need branded ice packs, a bag of frozen peas works.");
    /** Like them, in no post, never labelled. */
    private static final String NEW_SENTENCE = "You don't need a memory foam topper, a firm mattress is enough.";

    @Inject
    ScreeningModels models;
    @Inject
    ScreeningService screening;
    @Inject
    EntityManager em;

    @AfterEach
    void shippedVersionInUseAgain() {
        models.use(shippedVersion(), null);
    }

    @Test
    void approvalsRetrainTheModelAndPuttingTheShippedVersionBackRestoresItsVerdict() {
        ScreeningModel.Verdict before = models.judge(NEW_SENTENCE);
        assertEquals(SentenceLabel.UNSAFE_ADVICE, before.label(), "the shipped model flags the new sentence as unsafe advice: " + before);
        assertEquals(ScreeningAction.FLAG, before.action());

        for (String sentence : APPROVED) {
            long post = post("My physio lent me her TENS unit for a week and it took the edge off the spasms. " + sentence);
            long item = number("select id from review_item where post_id = " + post + " and status = 'OPEN'");
            int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().statusCode(200).extract().path("version");
            as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", version))
                    .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
            assertEquals(1, number("select count(*) from screening_lesson l join moderation_decision d on d.id = l.decision_id "
                    + "where d.review_item_id = " + item + " and l.label = 'BENIGN' and l.sentence = '" + sentence.replace("'", "''") + "'"),
                    "the approval labelled the flagged sentence benign: " + sentence);
        }

        Response retrain = PageForms.submit(alice, "/moderation/screening", "/moderation/screening/retrain", Map.of());
        assertEquals(303, retrain.statusCode(), retrain.asString());
        long trained = Long.parseLong(retrain.header("Location").replaceAll(".*[?&]trained=(\\d+).*", "$1"));
        Document page = page("/moderation/screening?trained=" + trained);
        assertTrue(page.select("[role=status]").text().contains("Version " + trained + " is in use."), page.select("main").text());
        assertEquals(trained, models.inUseVersion());

        ScreeningModel.Verdict after = models.judge(NEW_SENTENCE);
        assertEquals(ScreeningAction.ALLOW, after.action(), "the retrained model no longer flags it: " + after);
        ScreeningResult screened = screening.screen("Heat helped a lot. " + NEW_SENTENCE, Set.of());
        assertTrue(screened.matches().stream().noneMatch(m -> m.category() == ScreeningCategory.UNSAFE_ADVICE), screened.toString());

        long shipped = shippedVersion();
        Response rollback = PageForms.submit(alice, "/moderation/screening", "/moderation/screening/retrain",
                "/moderation/screening/versions/" + shipped + "/use", Map.of());
        assertEquals(303, rollback.statusCode(), rollback.asString());
        assertEquals("/moderation/screening?used=" + shipped + "&replaced=" + trained,
                rollback.header("Location").replaceAll("^https?://[^/]+", ""));
        Document rolledBack = page("/moderation/screening?used=" + shipped + "&replaced=" + trained);
        assertTrue(rolledBack.select("[role=status]").text()
                .contains("Version " + shipped + " is in use again, instead of version " + trained + "."), rolledBack.select("main").text());
        assertFalse(rolledBack.select("[role=status] form[action='/moderation/screening/versions/" + trained + "/use']").isEmpty(),
                "the change offers its undo");
        assertTrue(rolledBack.select(".model-switches li").first().text()
                .endsWith(alice + " put version " + shipped + " in use instead of version " + trained + "."),
                "the change is recorded with who made it: " + rolledBack.select(".model-switches").text());
        assertEquals(before, models.judge(NEW_SENTENCE), "the shipped version's verdict is back");
        assertFalse(page("/moderation/screening").select("form[action='/moderation/screening/versions/" + trained + "/use']").isEmpty(),
                "the retrained version can be put back in use in one click");

        Response undo = PageForms.submit(alice, "/moderation/screening", "/moderation/screening/retrain",
                "/moderation/screening/versions/" + trained + "/use", Map.of());
        assertEquals(303, undo.statusCode(), undo.asString());
        assertEquals(trained, models.inUseVersion(), "the undo puts the retrained version back");
        assertEquals(ScreeningAction.ALLOW, models.judge(NEW_SENTENCE).action(), "with its verdict");
        assertEquals(2, number("select count(*) from screening_model_switch where to_version in (" + shipped + ", " + trained
                + ") and from_version in (" + shipped + ", " + trained + ") and created_at > now() - interval '5 minutes'"));
    }

    @Test
    void aRetrainTaughtWrongLabelsIsKeptWithItsFiguresButNotPutInUse() {
        String unsafe = "Honestly just crack it yourself, nobody needs a chiropractor for that.";
        ScreeningModel.Verdict before = models.judge(unsafe);
        assertEquals(SentenceLabel.UNSAFE_ADVICE, before.label(), "the version in use reads it as unsafe advice: " + before);
        long inUse = models.inUseVersion();
        // Wrong lessons, as if moderators had approved 150 sentences of unsafe advice as fine.
        List<String> wrong = TrainingData.all().stream().filter(s -> s.label() == SentenceLabel.UNSAFE_ADVICE)
                .map(LabelledSentence::text).filter(t -> !TrainingData.isEvaluation(t)).distinct().limit(150).toList();
        long firstWrong = number("select coalesce(max(id), 0) from screening_lesson") + 1;
        QuarkusTransaction.requiringNew().run(() -> wrong.forEach(text -> em.createNativeQuery(
                "insert into screening_lesson (sentence, label) values (?1, 'BENIGN')").setParameter(1, text).executeUpdate()));
        try {
            Response retrain = PageForms.submit(alice, "/moderation/screening", "/moderation/screening/retrain", Map.of());
            assertEquals(303, retrain.statusCode(), retrain.asString());
            long trained = Long.parseLong(retrain.header("Location").replaceAll(".*[?&]trained=(\\d+).*", "$1"));
            Document page = page("/moderation/screening?trained=" + trained);
            assertTrue(page.select("[role=status]").text().contains("Version " + trained + " was not put in use"),
                    page.select("main").text());
            assertTrue(page.select("[role=status]").text().contains("unsafe advice found fell from"),
                    "the page names the figure that fell: " + page.select("[role=status]").text());
            assertEquals(0, number("select count(*) from screening_model_version where id = " + trained + " and (adopted or active)"));
            assertTrue(page.select("form[action='/moderation/screening/versions/" + trained + "/use']").isEmpty(),
                    "no button puts a version that did worse in use");
            assertEquals(inUse, models.inUseVersion());
            assertEquals(before, models.judge(unsafe), "verdicts are those of the version in use");

            Response forced = PageForms.submit(alice, "/moderation/screening", "/moderation/screening/retrain",
                    "/moderation/screening/versions/" + trained + "/use", Map.of());
            assertEquals(409, forced.statusCode(), "using it anyway is refused with the page");
            assertTrue(PageForms.html(forced).select("[role=status]").text().contains("was never used"), forced.asString());
            assertEquals(inUse, models.inUseVersion());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from screening_lesson where id >= ?1 and decision_id is null").setParameter(1, firstWrong).executeUpdate());
        }
    }

    private long post(String body) {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "TIP", "title",
                "Learning " + System.nanoTime(), "body", body, "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    private Document page(String path) {
        return PageForms.html(as(alice).when().get(path).then().statusCode(200).extract().response());
    }

    private long shippedVersion() {
        return number("select id from screening_model_version where trained_for = 'SHIPPED'");
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

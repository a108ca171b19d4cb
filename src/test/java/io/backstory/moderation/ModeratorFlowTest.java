package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * The moderator's flow through the pages: a decision is confirmed with an undo and leads to the next item of the same
 * tab; undo puts everything back; spam waves are removed in one go; every step is in the audit log. Each test works
 * in a condition of its own (the queue's condition filter), so other tests' items never get in the way.
 */
@QuarkusTest
class ModeratorFlowTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String modflagger = TestUsers.newMember();
    private final String modauthor1 = TestUsers.newMember();
    private final String modauthor2 = TestUsers.newMember();
    private final String modauthor3 = TestUsers.newMember();
    private final String modauthor4 = TestUsers.newMember();
    private final String modauthor5 = TestUsers.newMember();
    private final String modauthor6 = TestUsers.newMember();

    @Inject
    EntityManager em;

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    /** A condition of the test's own, so that the queue filtered by it holds only the test's items. */
    static String condition(String moderator) {
        String slug = unique("modflow-");
        as(moderator).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Flow " + slug,
                "description", "Used by ModeratorFlowTest only.")).when().post("/api/v1/conditions").then().statusCode(201);
        return slug;
    }

    static long post(String author, String condition, String title, String body) {
        return ((Number) as(author).contentType(ContentType.JSON).body(Map.of("kind", "TIP", "title", title, "body", body,
                "conditions", List.of(condition))).when().post("/api/v1/posts").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    /** A post the screening rules hold (dosing advice); returns its open review item. */
    long heldItem(String author, String condition) {
        long post = post(author, condition, "Held advice " + unique(""), "Walking. Also just take double the ibuprofen.");
        return itemOf(post);
    }

    long itemOf(long post) {
        return number("select id from review_item where post_id = " + post + " and status = 'OPEN'");
    }

    static long flag(String flagger, long post, String reason) {
        return ((Number) as(flagger).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201).extract().path("reviewItemId"))
                .longValue();
    }

    static int version(String moderator, long item) {
        return as(moderator).when().get("/api/v1/moderation/items/" + item).then().statusCode(200).extract().path("version");
    }

    static Response decide(String moderator, long item, String action, String condition, Map<String, Object> more) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("action", action, "version", version(moderator, item),
                "note", "", "condition", condition));
        fields.putAll(more);
        return PageForms.submit(moderator, "/moderation/items/" + item, "/moderation/items/" + item, fields);
    }

    static Document page(String moderator, String path) {
        return PageForms.html(as(moderator).when().get(path).then().statusCode(200).extract().response());
    }

    long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    Object value(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult());
    }

    private static long batchIn(String location) {
        return Long.parseLong(location.replaceAll(".*[?&]decided=(\\d+).*", "$1"));
    }

    /** Presses Undo (with alice's CSRF token, the same in every form of her session). */
    private Response undo(long batch) {
        return PageForms.submit(alice, "/settings", "/settings/handle", "/moderation/decisions/" + batch + "/undo", Map.of());
    }

    @Test
    void dismissingFlagsIsOfferedOnlyWhenMembersFlagged() {
        String condition = condition(alice);
        long held = heldItem(modauthor2, condition);
        assertTrue(page(alice, "/moderation/items/" + held).select("input[name=action][value=DISMISS_FLAGS]").isEmpty(),
                "the safety check's item has no flags to dismiss");
        long flaggedPost = post(modauthor2, condition, "Flagged tip " + unique(""), "Short walks every hour helped me.");
        long flagged = flag(bob, flaggedPost, "OFF_TOPIC");
        assertEquals(1, page(alice, "/moderation/items/" + flagged).select("input[name=action][value=DISMISS_FLAGS]").size());
    }

    @Test
    void aDecisionIsConfirmedAndLeadsToTheNextItemOfTheSameTab() {
        String condition = condition(alice);
        String author = modauthor1;
        long first = heldItem(author, condition);
        long second = heldItem(author, condition);

        Response hidden = decide(alice, first, "HIDE", condition, Map.of("note", "Dosing advice is not safe to copy."));
        assertEquals(303, hidden.statusCode());
        String next = hidden.getHeader("Location");
        assertTrue(next.contains("/moderation/items/" + second + "?condition=" + condition + "&decided="), next);

        Document nextPage = page(alice, next);
        String confirmation = nextPage.selectFirst("#decision-done").text();
        assertTrue(confirmation.startsWith("Hidden: \"Held advice"), confirmation);
        assertNotNull(nextPage.selectFirst("#decision-done form.undo button"), "the undo is offered");
        assertEquals(condition, nextPage.selectFirst("form.moderation-action input[name=condition]").val(),
                "the next decision stays in the tab");

        Response approved = decide(alice, second, "APPROVE", condition, Map.of());
        String back = approved.getHeader("Location");
        assertTrue(back.contains("/moderation?condition=" + condition + "&decided="), "the tab is empty: back to it " + back);
        Document queue = page(alice, back);
        assertTrue(queue.selectFirst("#decision-done").text().startsWith("Approved"), queue.text());
        assertTrue(queue.select("ol.queue").isEmpty(), "nothing left in the tab");
    }

    @Test
    void undoPutsBackTheContentTheItemTheFlaggersRecordsAndTheAuthorsStanding() {
        String condition = condition(alice);
        String author = modauthor2;
        String flagger = modflagger;
        long post = post(author, condition, "A tip members flagged " + unique(""), "Ice, then heat, then a walk.");
        long item = flag(flagger, post, "UNSAFE_ADVICE");
        long upheldBefore = number("select max(m.flags_upheld) from member m join content_flag f"
                + " on f.member_id = m.id where f.review_item_id = " + item);

        Response hidden = decide(alice, item, "HIDE", condition, Map.of("note", "Checking this.", "warn", "true", "silenceDays", 3));
        long batch = batchIn(hidden.getHeader("Location"));
        Document decided = page(alice, "/moderation/items/" + item);
        assertNotNull(decided.selectFirst("#decision-done form.undo[action='/moderation/decisions/" + batch + "/undo']"),
                "back on the item, the decision's undo is offered again: " + decided.select("main").text());
        given().when().get("/api/v1/posts/" + post).then().statusCode(404);
        assertEquals(upheldBefore + 1, number("select max(m.flags_upheld) from member m join content_flag f"
                + " on f.member_id = m.id where f.review_item_id = " + item));
        assertNotNull(value("select silenced_until from member m join post p on p.author_id = m.id where p.id = " + post));

        Response undone = undo(batch);
        assertEquals(303, undone.statusCode(), undone.asString());
        assertTrue(undone.getHeader("Location").endsWith("/moderation/items/" + item + "?undone=true"), "back to the item");
        given().when().get("/api/v1/posts/" + post).then().statusCode(200);
        as(alice).when().get("/api/v1/moderation/items/" + item).then().body("status", equalTo("OPEN"))
                .body("contentStatus", equalTo("PUBLISHED"));
        assertEquals(upheldBefore, number("select max(m.flags_upheld) from member m join content_flag f"
                + " on f.member_id = m.id where f.review_item_id = " + item));
        assertEquals(0, number("select count(*) from member m join post p on p.author_id = m.id where p.id = " + post
                + " and m.silenced_until is not null"), "the silencing is lifted");
        List<String> steps = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().jsonPath()
                .getList("history.action");
        assertEquals(List.of("HIDE", "SILENCE_AUTHOR", "WARN_AUTHOR", "UNDO"), steps.subList(steps.size() - 4, steps.size()),
                "the undo is in the audit log, after what it took back");
        Document itemPage = page(alice, undone.getHeader("Location"));
        assertTrue(itemPage.text().contains("Undone: this item is waiting for a decision again."));

        Response again = undo(batch);
        assertEquals(409, again.statusCode(), "an undo happens once");
        assertTrue(PageForms.html(again).text().contains("already undone"));
    }

    @Test
    void undoOfAnApprovalWithANoteHoldsThePostAgainWithoutTheNote() {
        String condition = condition(alice);
        String author = modauthor3;
        long item = heldItem(author, condition);
        long post = number("select post_id from review_item where id = " + item);
        Response approved = decide(alice, item, "APPROVE_WITH_NOTE", condition, Map.of("note", "Ask a pharmacist about doses."));
        given().when().get("/api/v1/posts/" + post).then().statusCode(200);
        Document published = PageForms.html(given().when().get("/posts/" + post));
        List<String> notes = published.select(".safety-notice").eachText();
        assertTrue(notes.contains("Safety note: Ask a pharmacist about doses."), "the note shows once, in the moderator's words: " + notes);

        assertEquals(303, undo(batchIn(approved.getHeader("Location"))).statusCode());
        given().when().get("/api/v1/posts/" + post).then().statusCode(404);
        assertEquals(0, number("select count(*) from post where id = " + post
                + " and 'Ask a pharmacist about doses.' = any(safety_notices)"), "the note is gone");
        assertEquals(0, number("select count(*) from post_revision where post_id = " + post + " and in_public_history"),
                "the held version is out of the public history again");
    }

    @Test
    void undoIsRefusedOnceTheWindowHasPassedAndForAnEdit() {
        String condition = condition(alice);
        long item = heldItem(modauthor4, condition);
        Response removed = decide(alice, item, "REMOVE", condition, Map.of());
        long batch = batchIn(removed.getHeader("Location"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update moderation_decision set decided_at = now() - interval '1 hour' where batch_id = ?1")
                .setParameter(1, batch).executeUpdate());
        Document later = page(alice, removed.getHeader("Location"));
        assertTrue(later.selectFirst("#decision-done").text().contains("can no longer be undone"), later.text());
        assertTrue(later.select("#decision-done form.undo").isEmpty(), "no undo button once too late");
        Response tooLate = undo(batch);
        assertEquals(409, tooLate.statusCode());
        assertTrue(PageForms.html(tooLate).text().contains("Too late to undo"));
        as(alice).when().get("/api/v1/moderation/items/" + item).then().body("status", equalTo("REMOVED"));

        long edited = heldItem(modauthor4, condition);
        Response edit = decide(alice, edited, "EDIT_AND_APPROVE", condition, Map.of("text", "Walking helped."));
        Document afterEdit = page(alice, edit.getHeader("Location"));
        assertTrue(afterEdit.select("#decision-done form.undo").isEmpty(), "an edit offers no undo");
    }

    @Test
    void aSpamWaveIsRemovedInOneGoAfterOneConfirmationAndComesBackWithOneUndo() {
        String condition = condition(alice);
        String spammer = modauthor5;
        List<Long> posts = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long post = post(spammer, condition, "Great back deals " + i + " " + unique(""), "Visit my page for deals.");
            posts.add(post);
            items.add(flag(modflagger, post, "SPAM"));
        }
        String tab = "/moderation?category=SPAM&condition=" + condition;
        Document spamTab = page(alice, tab);
        assertEquals(3, spamTab.select("ol.queue input[type=checkbox][name=item]").size(), "members' spam flags are in the spam tab");

        Response nothingChosen = PageForms.submit(alice, tab, "/moderation/spam",
                Map.of("category", "SPAM", "condition", condition));
        assertEquals(400, nothingChosen.statusCode());
        assertTrue(PageForms.html(nothingChosen).selectFirst(".form-errors").text().contains("choose the items"));

        List<String> chosen = items.stream().map(item -> item + ":" + version(alice, item)).toList();
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("category", "SPAM", "condition", condition, "item", chosen));
        Response asked = PageForms.submit(alice, tab, "/moderation/spam", fields);
        assertEquals(200, asked.statusCode());
        Document question = PageForms.html(asked);
        assertEquals("Remove 3 items as spam?", question.selectFirst("h1").text());
        posts.forEach(post -> given().when().get("/api/v1/posts/" + post).then().statusCode(200));

        fields.put("confirmed", "true");
        Response removed = PageForms.submit(alice, tab, "/moderation/spam", fields);
        assertEquals(303, removed.statusCode(), removed.asString());
        posts.forEach(post -> given().when().get("/api/v1/posts/" + post).then().statusCode(404));
        for (long item : items) {
            assertEquals(1, number("select count(*) from moderation_action where action = 'REMOVE' and review_item_id = " + item),
                    "each removal is in the audit log");
        }
        Document confirmation = page(alice, removed.getHeader("Location"));
        assertTrue(confirmation.selectFirst("#decision-done").text().startsWith("Removed: 3 items"), confirmation.text());

        Response undone = undo(batchIn(removed.getHeader("Location")));
        assertEquals(303, undone.statusCode(), undone.asString());
        assertTrue(page(alice, undone.getHeader("Location")).text().contains("Undone: 3 items are waiting for a decision again."));
        posts.forEach(post -> given().when().get("/api/v1/posts/" + post).then().statusCode(200));
        items.forEach(item -> as(alice).when().get("/api/v1/moderation/items/" + item).then().body("status", equalTo("OPEN")));
    }

    @Test
    void theQueueSaysWhatIsLiveAndShowsTheAuthorsRecord() {
        String condition = condition(alice);
        String author = modauthor6;
        long earlier = heldItem(author, condition);
        decide(alice, earlier, "REMOVE", condition, Map.of("note", "Not safe."));
        long held = heldItem(author, condition);
        long livePost = post(author, condition, "A live tip someone flagged " + unique(""), "Short walks each hour.");
        long flagged = flag(modflagger, livePost, "OFF_TOPIC");

        Document queue = page(alice, "/moderation?condition=" + condition);
        assertEquals("Waiting for a moderator: hidden from readers", queue.selectFirst("#item-" + held + " .state .not-live").text());
        assertEquals("Live: readers see it", queue.selectFirst("#item-" + flagged + " .state .live").text());
        String record = queue.selectFirst("#item-" + held + " .author-record").text();
        assertTrue(record.contains("3 posts") && record.contains("1 hidden or removed") && record.contains("1 earlier decision")
                && record.contains("1 flag from members") && record.contains("member since"), record);
        assertTrue(queue.selectFirst("#item-" + held + " .why").text().startsWith("Medication dosing: \""),
                queue.selectFirst("#item-" + held + " .why").text());

        Document item = page(alice, "/moderation/items/" + held);
        assertTrue(item.select(".author-history ol.audit-log li").text().contains("Removed"), "the earlier decision is listed");
    }
}

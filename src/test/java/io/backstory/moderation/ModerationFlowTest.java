package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.community.CommentRequest;
import io.backstory.community.CommentService;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ModerationFlowTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Inject
    MemberService members;
    @Inject
    CommentService comments;
    @Inject
    FlagService flags;
    @Inject
    EntityManager em;
    @Inject
    io.backstory.notifications.NotificationService notifications;

    private long story(String title) {
        return ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "Walking helped me.", "conditions": ["sciatica"]}""".formatted(title))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    /** A member with basic trust (a moderator approved something of theirs) and no flagging record yet. */
    private Member basicMember(String name) {
        Member member = members.findOrCreate(name + "-" + System.nanoTime(), "basic");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update member set trust_level = 1 where id = ?1")
                .setParameter(1, member.id).executeUpdate());
        return QuarkusTransaction.requiringNew().call(() -> Member.findById(member.id));
    }

    private long commentBy(Member author, long post, String body) {
        return comments.create(post, new CommentRequest(body, null, List.of(), null), author).id();
    }

    @Test
    void threeFlagsHideACommentAModeratorRestoresItAndTheLogHasEachStep() {
        long post = story("A story whose comment gets flagged");
        Member author = members.findOrCreate("flow-author-" + System.nanoTime(), "flowauthor");
        long comment = commentBy(author, post, "My cousin says sleeping on the floor cures everything.");
        Member newcomer = members.findOrCreate("flow-newcomer-" + System.nanoTime(), "newcomer");
        assertEquals(0.5, flags.flag(ReviewTarget.COMMENT, comment, newcomer, FlagReason.SPAM, null).flagWeight(), 1e-9,
                "a new member's flag weighs half");
        for (int i = 0; i < 2; i++) {
            Member flagger = basicMember("flow-flagger-" + i);
            assertEquals(false, flags.flag(ReviewTarget.COMMENT, comment, flagger, FlagReason.UNSAFE_ADVICE, null).hidden());
        }
        Member third = basicMember("flow-flagger-third");
        FlagService.FlagResult result = flags.flag(ReviewTarget.COMMENT, comment, third, FlagReason.OTHER, "misleading");
        assertTrue(result.hidden(), "with three basic members' flags the weight reaches the threshold");

        Document hidden = PageForms.html(given().when().get("/posts/" + post));
        assertEquals("[hidden for moderation]", hidden.selectFirst("li#c" + comment + " .placeholder").text());
        given().when().get("/api/v1/posts/" + post).then().body("commentCount", equalTo(0));

        int version = as(alice).when().get("/api/v1/moderation/items/" + result.reviewItemId()).then().statusCode(200)
                .body("flags.size()", equalTo(4)).body("flags.note", hasItem("misleading"))
                .extract().path("version");
        as(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "version", version, "note", "Not harmful, just an opinion"))
                .when().post("/api/v1/moderation/items/" + result.reviewItemId() + "/actions")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("contentStatus", equalTo("PUBLISHED"));

        Document restored = PageForms.html(given().when().get("/posts/" + post));
        assertTrue(restored.selectFirst("li#c" + comment + " .body").text().contains("cures everything"));
        given().when().get("/api/v1/posts/" + post).then().body("commentCount", equalTo(1));

        List<String> steps = as(alice).when().get("/api/v1/moderation/log").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.itemId == " + result.reviewItemId() + " }.action");
        assertEquals(List.of("APPROVE", "HIDDEN_BY_FLAGS"), steps, "newest first: the automatic hide, then the approval");
        Document log = PageForms.html(as(alice).when().get("/moderation/log"));
        assertTrue(log.select("ol.audit-log li strong").eachText().contains("Hidden by members' flags"));

        String notice = notifications.recent(author.id).get(0).text();
        assertTrue(notice.contains("public") && notice.contains("Not harmful"), notice);
        String toFlagger = notifications.recent(third.id).get(0).text();
        assertEquals("The comment you flagged on \"A story whose comment gets flagged\" was reviewed by a moderator and stays up.",
                toFlagger, "each flagger hears the outcome");
        int upheld = QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(third.id).flagsDismissed);
        assertEquals(1, upheld, "approving counts against the flaggers' record");
    }

    @Test
    void flaggingThroughTheApiAndItsRefusals() {
        long post = story("A story bob wrote that alice flags");
        as(alice).contentType(ContentType.JSON).body("{\"reason\": \"SPAM\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201).body("hidden", equalTo(false));
        as(alice).contentType(ContentType.JSON).body("{\"reason\": \"SPAM\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(409).body("detail", containsString("already flagged"));
        as(bob).contentType(ContentType.JSON).body("{\"reason\": \"SPAM\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(403);
        as(admin).contentType(ContentType.JSON).body("{\"reason\": \"OTHER\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(400).body("errors.field", hasItem("note"));
        as(admin).contentType(ContentType.JSON).body("{\"reason\": \"NONSENSE\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\": \"SPAM\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(401);
    }

    /** Member ids above 127 are no cached Longs: the own-content check once compared them with == and let them by. */
    @Test
    void aMemberWithALargeIdCannotFlagTheirOwnPostEither() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "select setval(pg_get_serial_sequence('member', 'id'), greatest((select max(id) from member), 1000))")
                .getSingleResult());
        String author = TestUsers.newMember();
        long post = ((Number) as(author).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "A story its author tries to flag", "body": "Short walks helped.",
                 "conditions": ["sciatica"]}""").when().post("/api/v1/posts").then().statusCode(201).extract().path("id"))
                .longValue();
        as(author).contentType(ContentType.JSON).body("{\"reason\": \"SPAM\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(403)
                .body("detail", equalTo("You cannot flag your own post."));
    }

    @Test
    void theQueueFiltersByConditionAndTheItemPageHighlightsWhatMatched() {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Traction at home for my disc", "body": "Have your husband pull your legs hard.",
                 "conditions": ["scoliosis"]}""").when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        List<Integer> scoliosis = as(alice).queryParam("condition", "scoliosis").when().get("/api/v1/moderation/queue")
                .then().statusCode(200).extract().path("targetId");
        assertTrue(scoliosis.contains((int) post));
        List<Integer> fibro = as(alice).queryParam("condition", "fibromyalgia").when().get("/api/v1/moderation/queue")
                .then().extract().path("targetId");
        assertTrue(!fibro.contains((int) post));
        int item = as(alice).queryParam("condition", "scoliosis").when().get("/api/v1/moderation/queue")
                .then().extract().path("find { it.targetId == " + post + " }.id");
        Document page = PageForms.html(as(alice).when().get("/moderation/items/" + item));
        assertEquals("husband pull your legs", page.selectFirst(".review-content mark").text());
    }

    @Test
    void anItemsReasonsAreListedInTheOrderTheyCameScreeningsThenAMembersFlag() {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Traction at home, then a flag", "body": "Have your husband pull your legs hard.",
                 "conditions": ["sciatica"]}""").when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        Member flagger = members.findOrCreate("flow-reason-flagger-" + System.nanoTime(), "reasonflagger");
        long item = flags.flag(ReviewTarget.POST, post, flagger, FlagReason.SPAM, "selling traction belts").reviewItemId();

        List<Map<String, String>> reasons = as(alice).when().get("/api/v1/moderation/items/" + item).then().statusCode(200)
                .extract().jsonPath().getList("reasons");
        assertEquals(Map.of("rule", "unsafe-untrained-traction", "label", "Untrained traction or manipulation",
                "excerpt", "husband pull your legs"), withoutNulls(reasons.get(0)), "screening's match comes first");
        assertEquals(Map.of("label", "Flagged by a member: Spam"), withoutNulls(reasons.get(reasons.size() - 1)),
                "the flag comes last, without its note");
        Map<String, String> inQueue = as(alice).when().get("/api/v1/moderation/queue").then().statusCode(200).extract()
                .jsonPath().getMap("find { it.id == " + item + " }.reason");
        assertEquals(reasons.get(0), inQueue, "the queue shows the first reason");
        List<String> onThePage = PageForms.html(as(alice).when().get("/moderation/items/" + item)).select(".reasons li")
                .eachText();
        assertEquals(reasons.size(), onThePage.size());
        assertEquals("Untrained traction or manipulation: \"husband pull your legs\"", onThePage.get(0));
        assertEquals("Flagged by a member: Spam", onThePage.get(onThePage.size() - 1));
    }

    private static Map<String, String> withoutNulls(Map<String, String> reason) {
        Map<String, String> present = new java.util.HashMap<>(reason);
        present.values().removeIf(java.util.Objects::isNull);
        return present;
    }

    @Test
    void aModeratorEditsHeldAdviceAndPublishesItWithTheEditInTheHistory() {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "What got me through the flare", "body": "Walking. Also just take double the ibuprofen.",
                 "conditions": ["sciatica"]}""").when().post("/api/v1/posts").then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id")).longValue();
        int item = as(alice).when().get("/api/v1/moderation/queue").then()
                .extract().path("find { it.targetId == " + post + " && it.target == 'POST' }.id");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "EDIT_AND_APPROVE", "version", 0,
                "text", "Walking. Ask a pharmacist about painkiller doses.", "note", "Removed dosing advice"))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200)
                .body("contentStatus", equalTo("PUBLISHED"));
        given().when().get("/api/v1/posts/" + post).then().statusCode(200)
                .body("body", equalTo("Walking. Ask a pharmacist about painkiller doses."));
        // The held original is not in the public history; moderators and the author still see it.
        given().when().get("/api/v1/posts/" + post + "/revisions").then()
                .body("size()", equalTo(1)).body("[0].editor", equalTo(alice));
        as(alice).when().get("/api/v1/posts/" + post + "/revisions").then()
                .body("size()", equalTo(2)).body("[1].editor", equalTo(alice));
        as(alice).contentType(ContentType.JSON).body(Map.of("action", "EDIT_AND_APPROVE", "version", 1))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(400);
    }

    @Test
    void membersCannotOpenTheQueue() {
        as(bob).redirects().follow(false).when().get("/moderation").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("<h1>Not allowed</h1>"));
        as(bob).when().get("/api/v1/moderation/queue").then().statusCode(403)
                .contentType(containsString("application/problem+json")).body("title", equalTo("Not allowed"));
        as(bob).when().get("/api/v1/moderation/queue").then().statusCode(403);
        as(bob).contentType(ContentType.JSON).body("{\"action\": \"REMOVE\", \"version\": 0}")
                .when().post("/api/v1/moderation/items/1/actions").then().statusCode(403);
        given().when().get("/api/v1/moderation/queue").then().statusCode(401);
        as(alice).when().get("/moderation").then().statusCode(200);
    }

    @Test
    void flagsArrivingAllAtOnceAreCountedOnceEachAndHideTheCommentOnce() throws Exception {
        long post = story("A story whose comment is flagged by a crowd at once");
        Member author = members.findOrCreate("crowd-author-" + System.nanoTime(), "crowdauthor");
        long comment = commentBy(author, post, "Buy my miracle back cream, link in bio.");
        List<Member> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(basicMember("crowd-flagger-" + i));
        }
        Member eager = basicMember("crowd-eager");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (Member flagger : crowd) {
            answers.add(pool.submit(() -> flagAt(start, comment, flagger)));
        }
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> flagAt(start, comment, eager)));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(13, statuses.stream().filter(s -> s == 201).count(), "one flag per member: " + statuses);
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), "the eager member's repeats: " + statuses);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(13L, ((Number) em.createNativeQuery("select count(*) from content_flag where comment_id = ?1")
                    .setParameter(1, comment).getSingleResult()).longValue());
            assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from review_item where comment_id = ?1")
                    .setParameter(1, comment).getSingleResult()).longValue(), "one review item");
            assertEquals(1L, ((Number) em.createNativeQuery("""
                    select count(*) from moderation_action a join review_item r on r.id = a.review_item_id
                    where r.comment_id = ?1 and a.action = 'HIDDEN_BY_FLAGS'""").setParameter(1, comment).getSingleResult())
                    .longValue(), "hidden once");
            assertEquals("HIDDEN", em.createNativeQuery("select status from comment where id = ?1").setParameter(1, comment)
                    .getSingleResult());
        });
    }

    /** Flags the comment when the start signal comes; 201 for a new flag, else the refusal's status. */
    private int flagAt(CountDownLatch start, long comment, Member flagger) throws InterruptedException {
        start.await();
        try {
            flags.flag(ReviewTarget.COMMENT, comment, flagger, FlagReason.SPAM, null);
            return 201;
        } catch (io.backstory.platform.errors.DomainException e) {
            return io.backstory.platform.api.ProblemMappers.status(e.kind());
        }
    }

    @Test
    void whenTwoModeratorsActAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        long post = story("A flagged story two moderators review at once");
        Member flagger = members.findOrCreate("race-flagger-" + System.nanoTime(), "raceflagger");
        long item = flags.flag(ReviewTarget.POST, post, flagger, FlagReason.UNSAFE_ADVICE, null).reviewItemId();
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String moderator : List.of(alice, admin)) {
            String token = io.backstory.platform.TestUsers.token(moderator);
            String action = moderator.equals(alice) ? "REMOVE" : "APPROVE";
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("action", action, "version", version, "note", "decided by " + moderator))
                        .when().post("/api/v1/moderation/items/" + item + "/actions").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 409), statuses);
        long decisions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from moderation_action where review_item_id = ?1 and moderator_id is not null")
                .setParameter(1, item).getSingleResult()).longValue());
        assertEquals(1, decisions, "only the winner's decision is logged");
    }
}

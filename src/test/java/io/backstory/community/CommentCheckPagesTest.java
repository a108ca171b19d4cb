package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Red flags everywhere (issue 19): the comment, reply and comment-edit forms get the post form's check before posting
 * without JavaScript ("Check before posting" sends the form with {@code preview}), and the live fragment their script
 * shows; red-flag symptoms get the urgent-care box, with the advice of the post's condition, before and after posting,
 * and the comment goes to the moderators' red-flag tab.
 */
@QuarkusTest
class CommentCheckPagesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    static final String RED_FLAG = "Since yesterday I can't feel the area between my legs and I wet myself without noticing";
    private static final String BENIGN = "Short walks after lunch helped me more than resting did.";
    /** The herniated disc's red-flag text (V2), which the box quotes. */
    private static final String DISC_ADVICE = "Loss of bladder or bowel control, numbness in the groin or saddle area";

    @Inject
    EntityManager em;

    private long post() {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "QUESTION",
                "title", "Which stretches helped your disc?", "body", "I am looking for gentle stretches to try this week.",
                "conditions", List.of("herniated-disc"))).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long comment(long post, String user, String body) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
    }

    private long comments(long post) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from comment where post_id = ?1").setParameter(1, post).getSingleResult()).longValue());
    }

    /** The urgent-care box of the check: an alert headed as such, with the rule's and the condition's advice. */
    private static void assertUrgentCareBox(Document page) {
        Element box = page.selectFirst("#writing-help .urgent-care");
        assertNotNull(box, "no urgent-care box: " + page.select("#writing-help").text());
        assertEquals("alert", box.attr("role"));
        assertEquals("Get medical help for these symptoms now", box.selectFirst("h3").text());
        assertTrue(box.text().contains("emergency department"), box.text());
        assertTrue(box.text().contains("Herniated disc: " + DISC_ADVICE), box.text());
        assertTrue(page.select("#writing-help .safety-notice").stream().noneMatch(n -> n.text().contains("emergency")),
                "the red-flag advice is in the box, not in an ordinary safety note");
    }

    /** The form's "Check before posting" button sends it back to the form's own action, at the verdict. */
    private static void assertCheckButtonOf(String user, String page, String action) {
        Element button = PageForms.html(as(user).when().get(page).then().statusCode(200).extract().response())
                .selectFirst("form[action=" + action + "] button[name=preview]");
        assertNotNull(button, "no check button in the form of " + page);
        assertEquals(action + "#writing-help", button.attr("formaction"));
    }

    @Test
    void theCommentFormsCheckShowsTheUrgentCareBoxAndKeepsTheText() {
        long post = post();
        assertCheckButtonOf(carol, "/posts/" + post, "/posts/" + post + "/comments");
        Response checked = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", RED_FLAG, "preview", "1"));
        assertEquals(200, checked.statusCode());
        Document page = PageForms.html(checked);
        assertEquals(RED_FLAG, page.selectFirst("form[action=/posts/" + post + "/comments] textarea[name=body]").text());
        assertUrgentCareBox(page);
        assertEquals(0, comments(post), "checking saves nothing");

        Document benign = PageForms.html(PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", BENIGN, "preview", "1")).then().statusCode(200).extract().response());
        assertNull(benign.selectFirst("#writing-help .urgent-care"));
        assertTrue(benign.selectFirst("#writing-help").text().contains("Nothing in your text needs a moderator"));
        assertEquals(BENIGN, benign.selectFirst("textarea[name=body]").text());
    }

    @Test
    void whatOnlyTheModelFindsIsExplainedToTheWriterInPlainWordsWithoutItsDiagnostics() {
        long post = post();
        String unsafe = "Honestly just crack it yourself, nobody needs a chiropractor for that.";
        Document page = PageForms.html(PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", unsafe, "preview", "1")).then().statusCode(200).extract().response());
        String verdict = page.selectFirst("#writing-help").text();
        assertTrue(verdict.contains("It will appear as soon as you save and a moderator will read it too."), verdict);
        assertTrue(verdict.contains("the safety check reads this as unsafe advice"), verdict);
        assertTrue(!verdict.contains("sure)") && !verdict.contains("most like"),
                "the model's confidence and look-alike sentences are for moderators: " + verdict);
    }

    @Test
    void theReplyAndEditFormsCheckToo() {
        long post = post();
        long parent = comment(post, bob, "Walking helped me most.");
        assertCheckButtonOf(carol, "/comments/" + parent + "/reply", "/posts/" + post + "/comments");
        Response reply = PageForms.submit(carol, "/comments/" + parent + "/reply", "/posts/" + post + "/comments",
                Map.of("body", RED_FLAG, "parentId", parent, "preview", "1"));
        assertEquals(200, reply.statusCode());
        Document replyPage = PageForms.html(reply);
        assertEquals(RED_FLAG, replyPage.selectFirst("#reply-body").text());
        assertUrgentCareBox(replyPage);

        long own = comment(post, carol, BENIGN);
        assertCheckButtonOf(carol, "/comments/" + own + "/edit", "/comments/" + own + "/edit");
        Response edit = PageForms.submit(carol, "/comments/" + own + "/edit", "/comments/" + own + "/edit",
                Map.of("body", RED_FLAG, "version", 0, "preview", "1"));
        assertEquals(200, edit.statusCode());
        Document editPage = PageForms.html(edit);
        assertEquals(RED_FLAG, editPage.selectFirst("#comment-body").text());
        assertUrgentCareBox(editPage);
        assertEquals(BENIGN, given().when().get("/api/v1/comments/" + own).jsonPath().getString("body"),
                "checking an edit saves nothing");
    }

    @Test
    void spamAndOverLongTextKeepTheTextAndSayWhy() {
        long post = post();
        String spam = "Great results! Email me at deals@spam.example for wholesale orders.";
        Response blocked = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", spam, "preview", "1"));
        assertEquals(422, blocked.statusCode());
        Document blockedPage = PageForms.html(blocked);
        assertEquals(spam, blockedPage.selectFirst("textarea[name=body]").text());
        assertTrue(blockedPage.selectFirst("#writing-help").text().contains("This would not be accepted"));

        String tooLong = "Walking helped. ".repeat(700); // 11,200 characters, over the comment's 10,000
        Response refused = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", tooLong, "preview", "1"));
        assertEquals(400, refused.statusCode());
        Document refusedPage = PageForms.html(refused);
        assertEquals(tooLong, refusedPage.selectFirst("textarea[name=body]").wholeText());
        assertNotNull(refusedPage.selectFirst("#writing-help .form-errors [data-field=body]"));
        assertEquals(0, comments(post));
    }

    @Test
    void theLiveFragmentIsTheSameCheck() {
        long post = post();
        Response fragment = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                "/posts/" + post + "/comments/preview", Map.of("body", RED_FLAG));
        assertEquals(200, fragment.statusCode());
        assertUrgentCareBox(PageForms.html(fragment));
        as(carol).contentType("application/x-www-form-urlencoded").formParam("body", RED_FLAG)
                .when().post("/posts/" + post + "/comments/preview")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 403)); // no CSRF token: refused
    }

    @Test
    void aPostedRedFlagCommentShowsTheBoxAndWaitsInTheRedFlagTab() {
        long post = post();
        Response posted = PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments", Map.of("body", RED_FLAG));
        assertEquals(303, posted.statusCode(), posted.asString());
        long id = Long.parseLong(posted.getHeader("Location").replaceAll(".*#c", ""));

        Element mine = PageForms.html(as(carol).when().get("/posts/" + post)).selectFirst("#c" + id + " .urgent-care");
        assertNotNull(mine, "the author sees the urgent-care box on the comment");
        assertEquals("alert", mine.attr("role"));
        assertTrue(mine.text().contains("Get medical help for these symptoms now"), mine.text());
        assertTrue(mine.text().contains("emergency department"), mine.text());
        assertTrue(mine.text().contains(DISC_ADVICE), mine.text());

        Element readers = PageForms.html(given().when().get("/posts/" + post)).selectFirst("#c" + id + " .urgent-care");
        assertNotNull(readers, "readers see the advice beside the words too");
        assertEquals("", readers.attr("role"), "an alert only for the writer");

        as(carol).when().get("/api/v1/comments/" + id).then().statusCode(200)
                .body("urgentCare[0]", org.hamcrest.Matchers.containsString("emergency"));
        Object[] item = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select id, category from review_item where comment_id = ?1 and status = 'OPEN'").setParameter(1, id)
                .getSingleResult());
        assertEquals("RED_FLAG", item[1]);
        Document tab = PageForms.html(as(alice).when().get("/moderation?category=RED_FLAG"));
        assertNotNull(tab.selectFirst("a[href^=/moderation/items/" + ((Number) item[0]).longValue() + "]"),
                "the comment is in the red-flag tab: " + tab.select("main").text());
    }
}

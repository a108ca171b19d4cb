package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The flag form opens on demand: the thread links each comment to its flag page, which works without JavaScript
 * (the thread's script brings the same form in place). It finds its way back to the comment by itself.
 */
@QuarkusTest
class FlagPageTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    private long[] postAndComment(String title) {
        long post = ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                "body", "Walking helped me.", "conditions", List.of("sciatica")))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long comment = ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("body", "Slow walks, every day."))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        return new long[] {post, comment};
    }

    @Test
    void aCommentsFlagPageWorksWithoutJavaScriptAndLeadsBackToTheComment() {
        long[] ids = postAndComment("A story whose comment gets flagged from its page " + System.nanoTime());
        String flagPath = "/comments/" + ids[1] + "/flag";
        Document thread = PageForms.html(as(alice).when().get("/posts/" + ids[0]));
        assertEquals(flagPath, thread.selectFirst("#c" + ids[1] + " a[href$=/flag]").attr("href"), "the thread links to it");
        assertTrue(thread.select("#c" + ids[1] + " form").isEmpty(), "no form inlined in the comment");

        Document page = PageForms.html(as(alice).when().get(flagPath).then().statusCode(200).extract().response());
        assertEquals(String.valueOf(ids[0]), page.selectFirst("form.flag-form input[name=postId]").val());
        assertEquals("/posts/" + ids[0] + "#c" + ids[1], page.selectFirst("form.flag-form a").attr("href"));

        var sent = PageForms.submit(alice, flagPath, flagPath,
                Map.of("reason", "OFF_TOPIC", "note", "", "postId", ids[0]));
        assertEquals(200, sent.statusCode());
        Document thanks = PageForms.html(sent);
        assertTrue(thanks.selectFirst("#flag-result").text().contains("a moderator will look at this comment"));
        assertEquals("/posts/" + ids[0] + "#c" + ids[1], thanks.selectFirst("main a[href^=/posts/]").attr("href"));
    }

    @Test
    void aFlagWithoutTheFormsSecurityCodeIsRefusedAndATooLongNoteComesBackKept() {
        long[] ids = postAndComment("A story whose comment gets a refused flag " + System.nanoTime());
        String flagPath = "/comments/" + ids[1] + "/flag";

        int forged = as(alice).contentType(ContentType.URLENC).formParams(Map.of("reason", "SPAM", "postId", ids[0]))
                .when().post(flagPath).then().extract().statusCode();
        assertTrue(forged >= 400 && forged < 500, "without CSRF fields: " + forged);

        String note = "This goes on and on. ".repeat(60);
        var refused = PageForms.submit(alice, flagPath, flagPath, Map.of("reason", "OTHER", "note", note, "postId", ids[0]));
        assertEquals(400, refused.statusCode());
        Document page = PageForms.html(refused);
        assertEquals(note, page.selectFirst("form.flag-form input[name=note]").val(), "the note is kept");
        assertTrue(page.selectFirst("input[value=OTHER]").hasAttr("checked"), "the reason is kept");
        assertTrue(page.selectFirst("#note-error").text().length() > 0, page.selectFirst("form.flag-form").outerHtml());
        assertEquals("/posts/" + ids[0] + "#c" + ids[1], page.selectFirst("form.flag-form a").attr("href"));
    }

    @Test
    void aMemberWhoFlaggedAlreadyIsToldSoInsteadOfGettingTheFormAgain() {
        long[] ids = postAndComment("A story whose comment is flagged twice by one member " + System.nanoTime());
        String flagPath = "/comments/" + ids[1] + "/flag";
        String carol = TestUsers.newMember();
        assertEquals(200, PageForms.submit(carol, flagPath, flagPath,
                Map.of("reason", "OFF_TOPIC", "note", "", "postId", ids[0])).statusCode());

        Document reopened = PageForms.html(as(carol).when().get(flagPath).then().statusCode(200).extract().response());
        assertTrue(reopened.select("form.flag-form").isEmpty(), "no form to flag it again");
        String notice = reopened.selectFirst("#flag-result").text();
        assertTrue(notice.contains("You flagged this comment as \u201cOff-topic\u201d"), notice);
        assertTrue(notice.contains("no need to flag it again"), notice);
        assertEquals("/posts/" + ids[0] + "#c" + ids[1], reopened.selectFirst("main a[href^=/posts/]").attr("href"));

        // Another member still gets the form.
        assertEquals(1, PageForms.html(as(alice).when().get(flagPath)).select("form.flag-form").size());
    }

    @Test
    void theFlagPageOfACommentThatIsNotThereIsNotFound() {
        as(alice).when().get("/comments/999999999/flag").then().statusCode(404);
    }
}

package io.backstory.mail;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Predicate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Each kind of notification by mail, against a real SMTP server: it arrives once, with a plain-text and an HTML part,
 * greets the member by handle and names no address but the member's own; its unsubscribe link works without login
 * (one-click POST as RFC 8058 mail providers send it, or the confirmation page), and afterwards the same event sends
 * no further mail.
 */
@QuarkusTest
class MailNotificationsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String postbox = TestUsers.newMember();

    private static final String REPLY = "Someone replied to you on Backstory";
    private static final String ACCEPTED = "Your answer helped someone on Backstory";
    private static final String MODERATION = "A moderator looked at what you wrote on Backstory";
    private static final String NEW_POST = "A new post in a condition you follow on Backstory";
    private static final String MENTION = "Someone mentioned you on Backstory";

    private static Predicate<Mailbox.Received> subject(String subject) {
        return mail -> mail.subject().equals(subject);
    }

    private static void assertWellFormed(Mailbox box, Mailbox.Received mail, String... mentions) {
        assertNotNull(mail.text(), "a plain-text part");
        assertNotNull(mail.html(), "an HTML part");
        String handle = as(box.user).when().get("/api/v1/me/export").then().extract().path("profile.handle");
        assertTrue(mail.text().startsWith("Hello " + handle + ","), mail.text());
        assertTrue(mail.html().contains("Hello " + handle + ","), mail.html());
        String htmlAsRead = Jsoup.parse(mail.html()).text() + " " + Jsoup.parse(mail.html()).select("a").eachAttr("href");
        for (String mention : mentions) {
            assertTrue(mail.text().contains(mention) && htmlAsRead.contains(mention), mention + " in both parts: " + mail);
        }
        assertFalse(mail.text().replace(box.address, "").contains("@mail.test"), "no other address: " + mail.text());
        assertTrue(mail.listUnsubscribe().matches("<https?://[^>]+/mail/unsubscribe\\?[^>]+>"), mail.listUnsubscribe());
        assertEquals("List-Unsubscribe=One-Click", mail.listUnsubscribePost());
        assertTrue(mail.text().contains(mail.listUnsubscribe().replaceAll("[<>]", "")), "the link is in the text too");
    }

    /** The RFC 8058 one-click POST, as a mail provider sends it: no cookie, no login, just the link and its body. */
    private static void oneClick(Mailbox.Received mail) {
        given().redirects().follow(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post(mail.unsubscribePath()).then().statusCode(303);
    }

    /** A person's way: the link opens a page saying what stops; its button confirms. */
    private static void throughThePage(Mailbox.Received mail) {
        String path = mail.unsubscribePath();
        Response page = given().when().get(path);
        assertEquals(200, page.statusCode());
        String action = PageForms.html(page).selectFirst("main form").attr("action");
        Response done = given().redirects().follow(true).contentType(ContentType.URLENC).when().post(action);
        assertEquals(200, done.statusCode(), done.asString());
        assertTrue(done.asString().contains("You will get no more"), done.asString());
    }

    @Test
    void repliesArriveOnceAndOneClickStopsThem() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.AT_ONCE);
        String title = "Mail reply probe " + System.nanoTime();
        long post = box.write("QUESTION", title, "Does anyone else wake up stiff?", "sciatica");
        Mailbox.comment(bob, post, "Every morning, it eases after a walk.");
        Mailbox.Received mail = box.awaitOne(subject(REPLY));
        assertWellFormed(box, mail, "replied to your post on \"" + title + "\"", "/posts/" + post + "#c");

        // An altered link is refused and changes nothing.
        String forged = mail.unsubscribePath().replace("what=REPLIES", "what=MODERATION");
        given().when().get(forged).then().statusCode(400);
        given().redirects().follow(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post(forged).then().statusCode(400);

        oneClick(mail);
        Mailbox.comment(bob, post, "A second reply that must not be mailed.");
        Mailbox.sleep(java.time.Duration.ofSeconds(3));
        assertEquals(1, box.received(subject(REPLY)).size(), "no mail after unsubscribing");
        String shown = PageForms.html(as(box.user).when().get("/settings/mail")).select("fieldset#replies input[checked]").attr("value");
        assertEquals("NEVER", shown, "the settings page shows the choice the link made");
    }

    @Test
    void aMentionArrivesOnceAndOneClickStopsMentionsOnly() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.AT_ONCE);
        String handle = as(box.user).when().get("/api/v1/me/export").then().extract().path("profile.handle");
        String title = "Mail mention probe " + System.nanoTime();
        long post = Mailbox.post(bob, "QUESTION", title, "Has a standing desk helped anyone here?", "sciatica");
        Mailbox.comment(bob, post, "@" + handle + " you said yours helped, which one did you get?");
        Mailbox.Received mail = box.awaitOne(subject(MENTION));
        assertWellFormed(box, mail, "mentioned you in a comment on \"" + title + "\"", "/posts/" + post + "#c");
        assertTrue(mail.unsubscribePath().contains("what=MENTIONS"), mail.unsubscribePath());

        oneClick(mail);
        Mailbox.comment(bob, post, "@" + handle + " asking once more, no mail for this one.");
        Mailbox.sleep(java.time.Duration.ofSeconds(3));
        assertEquals(1, box.received(subject(MENTION)).size(), "no mention mail after unsubscribing");
        Document settings = PageForms.html(as(box.user).when().get("/settings/mail"));
        assertEquals("NEVER", settings.select("fieldset#mentions input[checked]").attr("value"));
        assertEquals("AT_ONCE", settings.select("fieldset#replies input[checked]").attr("value"), "other topics unchanged");
    }

    @Test
    void anAcceptedAnswerArrivesOnceAndThePageStopsIt() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.AT_ONCE);
        String title = "Mail accepted probe " + System.nanoTime();
        long question = Mailbox.post(bob, "QUESTION", title, "What helped your spasm?", "muscle-spasm");
        long answer = Mailbox.comment(box.user, question, "Heat and short walks.");
        accept(question, answer);
        Mailbox.Received mail = box.awaitOne(subject(ACCEPTED));
        assertWellFormed(box, mail, "Your answer on \"" + title + "\" was marked as the one that helped.");

        throughThePage(mail);
        long second = Mailbox.comment(box.user, question, "Also gentle stretching.");
        accept(question, second);
        Mailbox.sleep(java.time.Duration.ofSeconds(3));
        assertEquals(1, box.received(subject(ACCEPTED)).size(), "no mail after unsubscribing");
    }

    private void accept(long question, long comment) {
        as(bob).contentType(ContentType.JSON).body("{\"commentId\": " + comment + "}")
                .when().put("/api/v1/posts/" + question + "/accepted-answer").then().statusCode(204);
    }

    @Test
    void aModeratorsDecisionArrivesOnceAndOneClickStopsIt() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.AT_ONCE);
        String title = "Mail moderation probe " + System.nanoTime();
        long held = box.write("TIP", title, "Just take double the ibuprofen.", "sciatica");
        decide(held, "HIDE", "Dosing advice is not allowed here");
        Mailbox.Received mail = box.awaitOne(subject(MODERATION));
        assertWellFormed(box, mail, "Your post on \"" + title + "\" was hidden by a moderator.",
                "Reason: Dosing advice is not allowed here");

        oneClick(mail);
        long another = box.write("TIP", title + " again", "Just take double the ibuprofen.", "sciatica");
        decide(another, "HIDE", "Again");
        Mailbox.sleep(java.time.Duration.ofSeconds(3));
        assertEquals(1, box.received(subject(MODERATION)).size(), "no mail after unsubscribing");
    }

    private void decide(long post, String action, String note) {
        int item = as(alice).when().get("/api/v1/moderation/queue").then().statusCode(200)
                .extract().path("find { it.targetId == " + post + " && it.target == 'POST' }.id");
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
        as(alice).contentType(ContentType.JSON).body(Map.of("action", action, "version", version, "note", note))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200);
    }

    @Test
    void aNewPostInAFollowedConditionArrivesOnceButAHeldOneNever() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.AT_ONCE);
        as(box.user).when().put("/api/v1/conditions/spondylolisthesis/follow").then().statusCode(204);
        try {
            String held = "Held mail probe " + System.nanoTime();
            Mailbox.post(bob, "TIP", held, "Just take double the ibuprofen.", "spondylolisthesis");
            String title = "New post mail probe " + System.nanoTime();
            long post = Mailbox.post(bob, "STORY", title, "Six months of physio, and it worked.", "spondylolisthesis");
            Mailbox.Received mail = box.awaitOne(subject(NEW_POST));
            assertWellFormed(box, mail, "New post in Spondylolisthesis: \"" + title + "\"", "/posts/" + post);
            assertTrue(box.received().stream().noneMatch(m -> m.text().contains(held) || m.html().contains(held)),
                    "the held post is in no mail");

            throughThePage(mail);
            Mailbox.post(bob, "STORY", title + " later", "Another one.", "spondylolisthesis");
            Mailbox.sleep(java.time.Duration.ofSeconds(3));
            assertEquals(1, box.received(subject(NEW_POST)).size(), "no mail after unsubscribing");
        } finally {
            as(box.user).when().delete("/api/v1/conditions/spondylolisthesis/follow").then().statusCode(204);
        }
    }

    @Test
    void aChoiceTheFormNeverOffersIsRefusedWithTheFormAndNothingChanges() {
        Mailbox box = Mailbox.confirmed(postbox, MailFrequency.DAILY);
        Response refused = PageForms.submit(box.user, "/settings/mail", "/settings/mail/choices",
                Map.of("replies", "HOURLY", "acceptedAnswers", "NEVER", "moderation", "NEVER", "newPosts", "NEVER"));
        assertEquals(400, refused.statusCode());
        assertTrue(PageForms.html(refused).select("#replies-error").text().contains("choose never"), refused.asString());
        String kept = PageForms.html(as(box.user).when().get("/settings/mail")).select("fieldset#moderation input[checked]").attr("value");
        assertEquals("DAILY", kept, "nothing was saved");

        Response bad = PageForms.submit(box.user, "/settings/mail", "/settings/mail/address", Map.of("address", "not an address"));
        assertEquals(400, bad.statusCode());
        assertEquals("not an address", PageForms.html(bad).selectFirst("input#address").attr("value"), "the text is kept");
        assertTrue(PageForms.html(bad).select("#address-error").text().contains("does not look like an e-mail address"));
        assertTrue(PageForms.html(as(box.user).when().get("/settings/mail")).text().contains("Mail goes to " + box.address),
                "the confirmed address stays");
    }
}

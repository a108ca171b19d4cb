package io.backstory.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * What people do on Backstory, in a real Chromium, against the packaged application (prod profile) and a real
 * Keycloak: members log in on Keycloak's own login page. The steps build on each other, in order: a new member's
 * story waits for a moderator, is approved, read by a visitor, discussed, flagged, and the flagged comment hidden.
 * <p>
 * It starts from bob's and alice's first login (the welcome page), so it gets a packaged app, hence a database, of its
 * own ({@code RESTRICTED_TO_CLASS}) instead of sharing one with the other classes that only need Keycloak.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberJourneysIT {

    private static final String TITLE = "Heat and short walks got me through a slipped disc";

    private Browser bob;
    private Browser alice;
    private String postPath;
    private String aliceCommentId;

    @AfterAll
    void closeBrowsers() {
        for (Browser browser : new Browser[] { bob, alice }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void bobLogsInThroughKeycloakAndSharesAStoryThatWaitsForAModerator() {
        bob = Browser.open("bob");
        logIn(bob, "bob", "bob_back");
        bob.go("/posts/new")
                .click("input[name=kind][value=STORY]")
                .type("#field-title", TITLE)
                .type("#field-body", "Three days flat on the couch made it worse.\n\n- a **heating pad**, 20 minutes\n- walking around the block")
                .click("input[name=condition][value=herniated-disc]")
                .choose("select[name='remedy.heat']", "HELPED")
                .choose("select[name='remedy.walking']", "HELPED")
                .choose("select[name='remedy.short-rest']", "WORSE")
                .clickAndWait("form.post-form button[type=submit]:not([name])");
        assertEquals("Your post is waiting for a moderator", bob.text("h1"));
        assertTrue(bob.text(".held-reasons").contains("new members"), bob.text(".held-reasons"));
    }

    @Test
    @Order(2)
    void aliceApprovesItFromTheReviewQueue() {
        alice = Browser.open("alice");
        logIn(alice, "alice", "alice_mod");
        alice.go("/moderation").followLink(TITLE);
        assertTrue(alice.text(".reasons").contains("New member's first post"));
        alice.click("input[name=action][value=APPROVE]").clickAndWait("form.moderation-action button[type=submit]");
        assertTrue(alice.text("#decision-done").startsWith("Approved"), alice.text("#decision-done"));
        assertTrue(alice.path().equals("/moderation") || alice.path().startsWith("/moderation/items/"),
                "on to the next item, or back to the queue when none is left: " + alice.path());
        alice.go("/moderation");
        assertFalse(alice.text("main").contains(TITLE), "the decided item left the queue");
    }

    @Test
    @Order(3)
    void aVisitorBrowsesFromTheHomePageToTheConditionAndThePost() {
        try (Browser visitor = Browser.open("visitor")) {
            visitor.go("/");
            assertTrue(visitor.findAll("a[href='/login']").size() > 0, "a visitor is offered the login");
            visitor.clickAndWait("a[href='/conditions/herniated-disc']");
            assertEquals("/conditions/herniated-disc", visitor.path());
            visitor.followLink(TITLE);
            postPath = visitor.path();
            assertEquals(TITLE, visitor.text("h1"));
            List<String> outcomes = visitor.findAll(".outcomes li").stream().map(WebElement::getText).toList();
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("Heat: Helped")), outcomes.toString());
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("Short rest: Made it worse")), outcomes.toString());
            assertEquals("heating pad", visitor.text(".post .body strong"));
            assertTrue(visitor.text(".comments").contains("Log in to comment"), visitor.text(".comments"));
        }
    }

    @Test
    @Order(4)
    void aliceCommentsAndBobRepliesVotesAndFlagsHerComment() {
        alice.go(postPath).type("#reply-body", "Have you tried a standing desk? I sell them, ask me for a price.")
                .click(".reply-form button[type=submit]:not([name])")
                .waitForText("ol.thread", "standing desk"); // in place, with htmx
        WebElement comment = alice.find("ol.thread > li.comment");
        aliceCommentId = comment.getAttribute("id");
        assertTrue(comment.getText().contains("standing desk"));

        bob.go("/notifications");
        assertTrue(bob.text("ol.notifications").contains("is public"), "the approval reached bob");
        bob.go(postPath);
        bob.clickAndWait("#" + aliceCommentId + " .actions a[href$='/reply']")
                .type("textarea[name=body]", "Thanks, but I would rather not buy anything.")
                .clickAndWait("form.reply-form button[type=submit]:not([name])");
        assertTrue(bob.text("#" + aliceCommentId + " .replies").contains("rather not buy anything"), "bob's reply nests under alice's comment");

        String page = bob.url();
        bob.click("#" + aliceCommentId + " > .comment-body .actions button[name^=u]")
                .waitForText("#m" + aliceCommentId.substring(1) + " > span:last-child", "1 point");
        assertEquals(page, bob.url(), "the vote updated in place");
        bob.click("form.bookmark button[type=submit]").waitForText("form.bookmark", "Bookmarked");
        bob.waitForAttribute("#" + aliceCommentId + " > .comment-body .actions button[name^=w]", "aria-pressed", "true");

        // The flag form is not in the thread: "Flag" brings it in under the comment.
        bob.click("#" + aliceCommentId + " > .comment-body a[href$='/flag']")
                .waitForText("#" + aliceCommentId + " > .comment-body form.flag-form", "What is wrong?")
                .click("#" + aliceCommentId + " > .comment-body form.flag-form input[value=SPAM]")
                .click("#" + aliceCommentId + " > .comment-body form.flag-form button[type=submit]")
                .waitForText("#" + aliceCommentId + " #flag-result", "Thanks, a moderator will look at this comment");
        assertEquals(page, bob.url(), "flagged in place");
        bob.go("/conditions/herniated-disc").click("form.follow button[type=submit]").waitForText("form.follow", "Following");
        assertEquals("/conditions/herniated-disc", bob.path(), "followed in place");
    }

    @Test
    @Order(5)
    void aliceHidesTheFlaggedCommentFromTheQueue() {
        // Bob's flag joins whatever item the safety check may already have opened for the comment, so look in every tab.
        alice.go("/moderation").followLink("comment on");
        assertTrue(alice.text(".flags").contains("bob_back: Spam"), alice.text(".flags"));
        alice.click("input[name=action][value=HIDE]").type("#note", "Selling things is not allowed here.")
                .clickAndWait("form.moderation-action button[type=submit]");
        assertTrue(alice.text("#decision-done").startsWith("Hidden: a comment on \"" + TITLE + "\""), alice.text("#decision-done"));
        alice.go("/moderation");
        assertFalse(alice.text("main").contains("standing desk"), "the decided comment left the queue");
    }

    @Test
    @Order(6)
    void bobSeesTheOutcomeAndTheCommentIsGone() {
        bob.go("/bookmarks");
        assertTrue(bob.text("main").contains(TITLE), "the bookmark made in place was saved");
        bob.go("/");
        assertFalse(bob.findAll("header .badge").isEmpty(), "the unread count shows in the header");
        bob.go("/notifications");
        assertTrue(bob.text("ol.notifications").contains("The comment you flagged on \"" + TITLE + "\" was hidden by a moderator"),
                bob.text("ol.notifications"));
        bob.go(postPath);
        assertFalse(bob.text(".comments").contains("standing desk"));
        assertEquals("[hidden for moderation]", bob.text("#" + aliceCommentId + " .placeholder"));
        assertTrue(bob.text(".comments").contains("rather not buy anything"), "replies to hidden comments stay");
    }

    @Test
    @Order(7)
    void bobCannotOpenTheReviewQueue() {
        bob.go("/moderation");
        assertEquals("Not allowed", bob.text("h1"), "a readable page, not the browser's blank 403");
        assertTrue(bob.findAll("ol.queue").isEmpty());
        assertTrue(bob.findAll("a[href='/moderation']").isEmpty(), "members are not offered the queue");
    }

    @Test
    @Order(8)
    void loggingOutEndsTheSessionHereAndAtKeycloak() {
        bob.go("/").click("header .account-menu summary").followLink("Log out");
        assertEquals("/", bob.path());
        assertFalse(bob.findAll("a[href='/login']").isEmpty(), "logged out: the header offers the login again");
        bob.go("/notifications");
        assertTrue(bob.url().startsWith(KeycloakServer.REALM_URL), "asks for the password again: " + bob.url());
        assertFalse(bob.findAll("#password").isEmpty());
    }

    /** Logs in on Keycloak's login page and, on the first visit, picks the handle. */
    private static void logIn(Browser browser, String user, String handle) {
        browser.logInThroughKeycloak(user);
        assertEquals("Welcome to Backstory", browser.text("h1"));
        browser.pickHandle(handle);
        assertEquals(handle, browser.find("header a.handle").getAttribute("textContent"), "the account menu names the handle");
    }
}

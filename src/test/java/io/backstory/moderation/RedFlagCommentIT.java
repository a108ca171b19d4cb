package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.GenerousLimits;
import io.backstory.platform.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Red flags everywhere (issue 19), in Chromium against the packaged app: a member types a comment describing
 * red-flag symptoms; the urgent-care box appears while they type, before posting, with the advice of the post's
 * condition; after posting it stays on their comment; a moderator finds the comment in the red-flag tab.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
class RedFlagCommentIT {

    private static final String TITLE = "Which stretches helped your disc in the first weeks?";
    private static final String RED_FLAG = "Update: since yesterday I can't feel the area between my legs and I wet "
            + "myself without noticing.";
    private static final Path SHOTS = Path.of("target/page-screenshots");

    private static WebElement waitFor(Browser browser, String css) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                        .orElse(null));
    }

    private static void scrollTo(Browser browser, String css) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -16);",
                browser.find(css));
    }

    private static void assertUrgentCare(WebElement box) {
        String text = box.getText();
        assertEquals("alert", box.getAttribute("role"));
        assertTrue(text.contains("Get medical help for these symptoms now"), text);
        assertTrue(text.contains("emergency department"), text);
        assertTrue(text.contains("Herniated disc: Loss of bladder or bowel control"), "the condition's red-flag text: " + text);
    }

    @Test
    void aRedFlagCommentIsWarnedBeforePostingBoxedAfterAndQueuedForAModerator() {
        Browser bob = Browser.open("bob");
        Browser alice = null;
        try {
            bob.logInThroughKeycloak("bob", "bob_disc");
            bob.resize(390, 844).go("/posts/new")
                    .click("input[name=kind][value=QUESTION]")
                    .type("#field-title", TITLE)
                    .type("#field-body", "I am looking for gentle stretches to try this week.")
                    .click("input[name=condition][value=herniated-disc]")
                    .clickAndWait("form.post-form button[type=submit]:not([name])");
            assertTrue(bob.text(".saved-confirmation").contains("published"), bob.text("main"));
            String postPath = bob.path();

            // Before posting: the check comes while typing, under the text.
            bob.type("#reply-body", RED_FLAG);
            WebElement before = waitFor(bob, "form.reply-form #writing-help .urgent-care");
            assertUrgentCare(before);
            assertTrue(bob.find("form.reply-form button[name=preview]").getRect().getHeight() >= 44,
                    "Check before posting is a 44 px tap");
            assertFalse(bob.scrollsSideways(), "no sideways scroll at 390 px");
            scrollTo(bob, "#reply-body");
            bob.screenshot(SHOTS.resolve("red-flag-comment-before-390.png"));
            bob.resize(1366, 900);
            scrollTo(bob, "#reply-body");
            bob.screenshot(SHOTS.resolve("red-flag-comment-before-1366.png"));

            // After posting: the box on the published comment, an alert for its author.
            bob.click("form.reply-form button[type=submit]:not([name])");
            WebElement after = waitFor(bob, "ol.thread li.comment .urgent-care");
            assertUrgentCare(after);
            assertTrue(bob.text("ol.thread").contains("wet myself without noticing"));
            assertTrue(bob.findAll("ol.thread .safety-notice").stream().noneMatch(n -> n.getText().contains("emergency")),
                    "the advice is in the box, not in a small safety note");
            scrollTo(bob, "ol.thread li.comment");
            bob.screenshot(SHOTS.resolve("red-flag-comment-after-1366.png"));
            bob.resize(390, 844);
            assertFalse(bob.scrollsSideways(), "no sideways scroll at 390 px");
            scrollTo(bob, "ol.thread li.comment");
            bob.screenshot(SHOTS.resolve("red-flag-comment-after-390.png"));

            // The moderators' red-flag tab holds it, so someone can check on the member.
            alice = Browser.open("alice");
            alice.logInThroughKeycloak("alice", "alice_mod");
            alice.resize(390, 844).go("/moderation?category=RED_FLAG");
            assertTrue(alice.text("main").contains("A comment on \"" + TITLE + "\""), alice.text("main"));
            assertFalse(alice.scrollsSideways());
            scrollTo(alice, "main a[href^='/moderation/items/']");
            alice.screenshot(SHOTS.resolve("red-flag-tab-390.png"));
            alice.followLink("A comment on \"" + TITLE + "\"");
            assertTrue(alice.text("main").contains("wet myself"), alice.text("main"));
            assertTrue(bob.path().equals(postPath));
        } finally {
            bob.close();
            if (alice != null) {
                alice.close();
            }
        }
    }
}

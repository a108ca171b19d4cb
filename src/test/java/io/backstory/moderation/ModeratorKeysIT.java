package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The review queue's keyboard shortcuts in real Chromium against the packaged app: j/k move between items, ? shows the
 * list, keys typed into a text box stay text, h hides the item and goes on with a confirmation, u undoes it.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeratorKeysIT {

    private Browser alice;

    @AfterAll
    void closeBrowser() {
        if (alice != null) {
            alice.close();
        }
    }

    private void press(String key) {
        new Actions(alice.driver()).sendKeys(key).perform();
    }

    private void pressAndWaitForNewPage(String key) {
        WebElement oldPage = alice.driver().findElement(By.tagName("html"));
        press(key);
        new WebDriverWait(alice.driver(), Duration.ofSeconds(20)).until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException replaced) {
                return true;
            }
        });
    }

    private String heldPost(String title) {
        alice.go("/posts/new")
                .click("input[name=kind][value=TIP]")
                .type("#field-title", title)
                .type("#field-body", "Walking. Also just take double the ibuprofen.")
                .click("input[name=condition][value=spinal-stenosis]")
                .clickAndWait("form.post-form button[type=submit]:not([name])");
        assertEquals("Your post is waiting for a moderator", alice.text("h1"));
        return title;
    }

    @Test
    void theQueueAnswersItsKeysButNeverWhileTyping() {
        alice = Browser.open("alice-keys");
        alice.logInThroughKeycloak("alice", "alice_mod");
        String first = heldPost("Keys check, the first held tip");
        heldPost("Keys check, the second held tip");

        alice.go("/moderation");
        assertTrue(alice.text("#keyboard-help summary").contains("Keyboard shortcuts"), "the keys are listed on the page");
        press("?");
        assertTrue(alice.find("#keyboard-help").getDomAttribute("open") != null, "? opens the list");
        press("j");
        assertEquals(1, alice.findAll("ol.queue > li.chosen").size());
        String chosenFirst = alice.find("ol.queue > li.chosen").getDomAttribute("id");
        assertEquals(alice.findAll("ol.queue > li").get(0).getDomAttribute("id"), chosenFirst, "j chooses the first item");
        if (alice.findAll("ol.queue > li").size() > 1) {
            press("j");
            assertEquals(alice.findAll("ol.queue > li").get(1).getDomAttribute("id"),
                    alice.find("ol.queue > li.chosen").getDomAttribute("id"), "j again: the next one");
            press("k");
            assertEquals(chosenFirst, alice.find("ol.queue > li.chosen").getDomAttribute("id"), "k: back up");
        }

        alice.go("/moderation?condition=spinal-stenosis").followLink(first);
        String itemPath = alice.path();
        alice.find("#note").click();
        press("jh");
        assertEquals("jh", alice.value("#note"), "keys typed into the note are text");
        assertEquals(itemPath, alice.path(), "and do nothing else");

        alice.find("#note").clear();
        alice.driver().executeScript("document.activeElement.blur()"); // out of the text box, as a Tab away would be
        pressAndWaitForNewPage("h");
        alice.waitForText("#decision-done", "Hidden");
        assertTrue(alice.text("#decision-done").contains(first), alice.text("#decision-done"));

        pressAndWaitForNewPage("u");
        alice.waitForText(".decision-done", "Undone");
        assertEquals(itemPath, alice.path(), "back on the item, waiting again");
        assertTrue(alice.text("main").contains("Save decision"), "the decision form is back");
    }
}

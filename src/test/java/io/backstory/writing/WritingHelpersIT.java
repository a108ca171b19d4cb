package io.backstory.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
 * The post form's writing helpers with JavaScript, in Chromium against the packaged app: suggestions appear while the
 * member types, one tap tags a remedy without leaving the page, the safety check sits under the text on a phone
 * (beside it on a desktop), and the remedy filter finds McKenzie from "McK".
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
class WritingHelpersIT {

    private static int top(Browser browser, String css) {
        return browser.find(css).getRect().getY();
    }

    private static void waitFor(Browser browser, String css) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    @Test
    void suggestionsWhileTypingOneTapTagsAndTheFilter() {
        Browser bob = Browser.open("bob");
        try {
            bob.logInThroughKeycloak("bob", "bob_writes");
            bob.resize(390, 844).go("/posts/new")
                    .type("#field-title", "Two weeks with a heating pad")
                    .type("#field-body", "My heating pad helped the most. Ice didn't help at all. The pain went down my leg.");
            waitFor(bob, "#writing-help [data-suggestion='remedy:ice']");
            waitFor(bob, "#writing-help .verdict");
            assertTrue(bob.text("#writing-help [data-suggestion='remedy:heat'] q").contains("My heating pad helped the most."));
            int help = top(bob, "#writing-help");
            assertTrue(help > top(bob, "#field-body") && help < top(bob, "#field-conditions")
                    && help < top(bob, "form.post-form button[type=submit]:not([name])"),
                    "on a phone the check and suggestions come right under the text, above the tags and Save");
            assertFalse(bob.scrollsSideways());
            bob.screenshot(Path.of("target/page-screenshots/writing-helpers-phone.png"));

            bob.click("#writing-help [data-suggestion='remedy:ice'] button[value='remedy:ice:NO_CHANGE']");
            assertEquals("NO_CHANGE", bob.value("select[name='remedy.ice']"));
            assertEquals("/posts/new", bob.path(), "tagged in place");
            assertTrue(bob.findAll("#writing-help [data-suggestion='remedy:ice']").isEmpty());
            bob.click("#writing-help [data-suggestion='condition:sciatica'] button[name=accept]");
            assertTrue(bob.find("input[name=condition][value=sciatica]").isSelected());

            bob.type("#remedy-filter", "McK");
            assertTrue(bob.find("select[name='remedy.mckenzie']").isDisplayed());
            assertFalse(bob.find("select[name='remedy.walking']").isDisplayed());
            assertTrue(bob.find("select[name='remedy.ice']").isDisplayed(), "a chosen remedy stays in view");

            bob.resize(1366, 900);
            assertTrue(bob.find("#writing-help").getRect().getX() > bob.find("#field-body").getRect().getX()
                    + bob.find("#field-body").getRect().getWidth() - 1, "on a desktop the help sits beside the form");
            bob.screenshot(Path.of("target/page-screenshots/writing-helpers-desktop.png"));

            bob.clickAndWait("form.post-form button[type=submit]:not([name])");
            assertEquals("Your story is published. Thank you for sharing.", bob.text(".saved-confirmation"));
            assertTrue(bob.text(".outcomes").contains("Ice and cold packs: No change"), bob.text(".outcomes"));

            // Editing opens with the text in the form: its check and suggestions come without a key pressed.
            bob.go(bob.path() + "/edit");
            waitFor(bob, "#writing-help .verdict");
        } finally {
            bob.close();
        }
    }
}

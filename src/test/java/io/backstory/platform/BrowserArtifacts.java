package io.backstory.platform;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, saves a screenshot and the HTML of every open {@link Browser}, named after the test. */
public class BrowserArtifacts implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String label = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "");
        for (Browser browser : Browser.OPEN) {
            try {
                System.err.println("Saved " + browser.saveArtifacts(label) + " after: " + cause);
            } catch (RuntimeException e) {
                System.err.println("Could not save artefacts of " + browser.name() + ": " + e);
            }
        }
    }
}

package io.backstory.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.EmbeddedPostgresTestResource;
import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Issue #17, items 1 and 2, in a real Chromium against the packaged application (prod profile) and a real Keycloak,
 * with a login that lasts {@link ShortLogins#TOKEN_AGE} instead of hours. Bob writes a long story slowly; meanwhile
 * his login ends (he logs out of Keycloak in another tab, and the app's token grows older than it accepts), so Save
 * meets no session: he gets a page saying his text is kept, logs in again and is back at the form with every character
 * and every choice, and publishes it. A draft saved as he types comes back in a new browser (a new profile: no
 * cookies, no storage) after logging in there, and a second server process started afterwards on the same database
 * lists it too.
 */
@QuarkusIntegrationTest
@WithTestResource(value = DraftsJourneyIT.ShortLogins.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftsJourneyIT {

    /** Keycloak logins the app accepts for this long after they were issued (production: 5 minutes, then refreshed). */
    public static class ShortLogins extends KeycloakResource {

        static final Duration TOKEN_AGE = Duration.ofSeconds(30);

        @Override
        public Map<String, String> start() {
            Map<String, String> settings = new HashMap<>(super.start());
            settings.put("backstory.trust.review-new-members", "false");
            return settings;
        }

        @Override
        protected String tokenAge() {
            return TOKEN_AGE.toSeconds() + "S";
        }
    }

    private static final String TITLE = "Three weeks of sciatica, written slowly 🐢";
    private static final String LAST_SENTENCE = " Today I walked to the market and back without stopping.";
    private static final Map<String, String> OUTCOMES = Map.of("remedy.heat", "HELPED", "remedy.walking", "HELPED",
            "remedy.short-rest", "WORSE", "remedy.tens", "NO_CHANGE");

    private Browser bob;

    @AfterAll
    void closeBrowser() {
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    @Order(1)
    void aStoryWhoseLoginRunsOutWhileBeingWrittenIsKeptAndPublishedAfterLoggingInAgain() {
        bob = Browser.open("bob-drafts");
        bob.logInThroughKeycloak("bob", "bob_slow");
        Instant loggedIn = Instant.now();
        bob.go("/posts/new").click("input[name=kind][value=STORY]").type("#field-title", "Three weeks of sciatica");
        bob.paste("#field-title", TITLE).paste("#field-body", story());
        check("input[name=condition][value=sciatica]");
        check("input[name=condition][value=herniated-disc]");
        OUTCOMES.forEach((select, outcome) -> bob.choose("select[name='" + select + "']", outcome));
        bob.waitForText(".draft-status", "Draft saved"); // saved on the server as he types

        // His login ends while he writes: logged out of Keycloak in another tab, and the app's token too old.
        String form = bob.driver().getWindowHandle();
        bob.driver().switchTo().newWindow(WindowType.TAB);
        bob.go(KeycloakServer.REALM_URL + "/protocol/openid-connect/logout").clickAndWait("#kc-logout");
        bob.driver().close();
        bob.driver().switchTo().window(form);
        sleepUntil(loggedIn.plus(ShortLogins.TOKEN_AGE).plusSeconds(3));

        bob.typeAtEnd("#field-body", LAST_SENTENCE).clickAndWait("form.post-form button[type=submit]:not([name])");
        assertEquals("Your login ran out - Backstory", bob.title(), "a page, not silence: " + bob.url());
        assertTrue(bob.text("#lapsed").contains("Your text is kept"), bob.text("main"));

        bob.clickAndWait("#lapsed a[href='/drafts/claim']");
        assertTrue(bob.url().startsWith(KeycloakServer.REALM_URL), "Keycloak's login page: " + bob.url());
        bob.type("#username", "bob").type("#password", "bob").clickAndWait("#kc-login");

        assertEquals("/posts/new", bob.path());
        assertEquals(TITLE, bob.value("#field-title"));
        assertEquals(story() + LAST_SENTENCE, bob.value("#field-body"), "every character, the last typed one too");
        assertTrue(bob.find("input[name=kind][value=STORY]").isSelected());
        assertTrue(bob.find("input[name=condition][value=sciatica]").isSelected());
        assertTrue(bob.find("input[name=condition][value=herniated-disc]").isSelected());
        OUTCOMES.forEach((select, outcome) -> assertEquals(outcome,
                new Select(bob.find("select[name='" + select + "']")).getFirstSelectedOption().getDomProperty("value"), select));
        assertTrue(bob.text(".draft-notice").startsWith("Your draft from"), bob.text("main"));

        bob.clickAndWait("form.post-form button[type=submit]:not([name])");
        assertEquals(TITLE, bob.text("h1"), "published: " + bob.url());
        assertTrue(bob.text(".post .body").endsWith(LAST_SENTENCE.strip()), bob.text(".post .body"));
        assertTrue(bob.text(".outcomes").contains("Short rest: Made it worse"), bob.text(".outcomes"));
        bob.go("/drafts");
        assertEquals(List.of(), bob.findAll(".draft-list li"), "published: its draft is gone");
    }

    @Test
    @Order(2)
    void aDraftSavedAsTheMemberTypesComesBackInANewBrowser() {
        bob.close();
        bob = Browser.open("bob-drafts-2");
        bob.logInThroughKeycloak("bob");
        bob.go("/posts/new").paste("#field-title", "A draft to finish tomorrow ✍️").paste("#field-body", story());
        check("input[name=condition][value=sciatica]");
        bob.waitForText(".draft-status", "Draft saved");
        bob.close();

        bob = Browser.open("bob-drafts-3"); // a new profile: no cookies, no local or session storage
        bob.logInThroughKeycloak("bob");
        bob.click(".account-menu summary");
        assertEquals("Drafts (1)", bob.text(".account-menu a[href='/drafts']"));
        bob.go("/drafts").clickAndWait(".draft-list li a[href='/posts/new']");
        assertEquals("A draft to finish tomorrow ✍️", bob.value("#field-title"));
        assertEquals(story(), bob.value("#field-body"));
        assertTrue(bob.find("input[name=condition][value=sciatica]").isSelected());
    }

    @Test
    @Order(3)
    void theDraftIsStillThereForAServerStartedAfterwards() throws Exception {
        // A second server process from the same package and database, started after the draft was saved: nothing of
        // the first process's memory, as after a restart. Bob asks it with a token from Keycloak.
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        Map.of("quarkus.http.port", Integer.toString(port), "quarkus.management.port", Integer.toString(freePort()),
                "backstory.public-url", "http://localhost:" + port,
                "quarkus.datasource.jdbc.url", EmbeddedPostgresTestResource.jdbcUrl(),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres",
                "quarkus.oidc.auth-server-url", KeycloakServer.REALM_URL,
                "quarkus.oidc.credentials.secret", KeycloakServer.clientSecret())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        Path log = Path.of("target/drafts-second-server.log");
        Process second = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String token = KeycloakServer.token("bob");
            io.restassured.response.Response drafts = null;
            for (Instant deadline = Instant.now().plusSeconds(120); Instant.now().isBefore(deadline); Thread.sleep(1000)) {
                try {
                    drafts = io.restassured.RestAssured.given().auth().oauth2(token).get("http://localhost:" + port + "/drafts");
                    break;
                } catch (Exception notYetListening) {
                    assertTrue(second.isAlive(), "the second server stopped: " + Files.readString(log));
                }
            }
            assertTrue(drafts != null && drafts.statusCode() == 200, "the second server answered " + (drafts == null ? "nothing" : drafts.statusCode()));
            assertTrue(drafts.asString().contains("A draft to finish tomorrow ✍️"), drafts.asString());
        } finally {
            second.destroy();
            second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Ticks a checkbox as a click would (its input and change events), whatever is drawn over it. */
    private void check(String css) {
        bob.driver().executeScript("arguments[0].click()", bob.find(css));
        assertTrue(bob.find(css).isSelected(), css);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A long story: Markdown, emoji outside the BMP (one a joined sequence), and words in four other scripts. */
    private static String story() {
        StringBuilder story = new StringBuilder("""
                ## How it began

                It started in my left buttock 😣 and ran down to my heel. My aunt calls it 坐骨神経痛, a friend from \
                Odesa says біль у спині, my neighbour from Crete says ισχιαλγία, and my colleague from Cairo says \
                عرق النسا. I moved slowly 🚶\u200d♂️ and kept notes.

                - heat in the evening 🔥
                - short walks, then longer ones
                """);
        for (int day = 1; story.length() < 6_000; day++) {
            story.append("\n**Day ").append(day).append(".** I walked ").append(day * 3)
                    .append(" minutes, lay on the floor with my knees up, and wrote down how it felt: a little better than yesterday. ");
        }
        return story.append("\n\n## Where I am now\n\nBetter.").toString();
    }

    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

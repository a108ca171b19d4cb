package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.GenerousLimits;
import io.backstory.platform.HostilePayloads;
import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The whole hostile corpus, stored through the API of the packaged app, then shown to a real Chromium: on every
 * page that shows it, no payload may run (each would raise an alert or set window.__xss) and the only scripts in
 * the page are our own.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
class HostileContentInBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noPayloadRunsInTheBrowserOnAnyPageThatShowsIt() throws Exception {
        String bob = KeycloakServer.token("bob");
        String alice = KeycloakServer.token("alice");
        List<String> payloads = HostilePayloads.all();
        List<String> pages = new ArrayList<>(List.of("/", "/conditions/muscle-spasm", "/remedies/heat", "/conditions/muscle-spasm/tips"));
        int stored = 0;
        for (int start = 0; start < payloads.size(); start += 12) {
            List<String> batch = payloads.subList(start, Math.min(payloads.size(), start + 12));
            Response post = given().auth().oauth2(bob).contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of(
                    "kind", "TIP", "title", "Hostile batch " + start + " " + batch.get(0).substring(0, Math.min(150, batch.get(0).length())),
                    "body", String.join("\n\n", batch.stream().filter(p -> !p.contains("\u0000")).toList()),
                    "conditions", List.of("muscle-spasm"), "remedies", List.of(Map.of("remedy", "heat", "outcome", "HELPED")))))
                    .when().post("/api/v1/posts");
            assertTrue(post.statusCode() == 201 || post.statusCode() == 400, post.asString());
            if (post.statusCode() != 201) {
                continue;
            }
            long id = ((Number) post.path("id")).longValue();
            pages.add("/posts/" + id);
            for (String payload : batch) {
                Response comment = given().auth().oauth2(alice).contentType(ContentType.JSON)
                        .body(JSON.writeValueAsString(Map.of("body", payload))).when().post("/api/v1/posts/" + id + "/comments");
                assertTrue(comment.statusCode() == 201 || comment.statusCode() == 400, comment.asString());
                stored += comment.statusCode() == 201 ? 1 : 0;
            }
        }
        assertTrue(stored >= 100, "only " + stored + " payloads were stored as comments");
        for (String payload : payloads.subList(0, 20)) {
            pages.add("/search?q=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8));
        }

        try (Browser browser = Browser.open("visitor")) {
            // The detector itself: on a page without our protections, a payload runs and is caught.
            browser.go("data:text/html,<p>unprotected</p><script>window.__xss=1</script>");
            org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertNothingRan(browser, "a data: page"));
            for (String page : pages) {
                browser.go(page);
                assertNothingRan(browser, page);
            }
        }
    }

    @Test
    void payloadsTypedIntoTheFormsDoNotRunEither() {
        try (Browser bob = Browser.open("bob")) {
            bob.logInThroughKeycloak("bob", "bob_typing");
            bob.go("/posts/new").click("input[name=kind][value=TIP]")
                    .type("#field-title", "<img src=x onerror=alert(1)> a title that tries")
                    .type("#field-body", "<script>window.__xss=1</script>\n\n[click me](javascript:alert(1))\n\n<svg onload=alert(1)>")
                    .click("input[name=condition][value=sciatica]");
            // The live preview (JavaScript) renders the body while typing: nothing may run there either.
            new org.openqa.selenium.support.ui.WebDriverWait(bob.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> bob.text("#live-preview").contains("click me"));
            assertTrue(bob.findAll("#live-preview .body a[href^='javascript']").isEmpty());
            assertNothingRan(bob, "the new post form with its live preview");
            bob.clickAndWait("form.post-form button[type=submit]:not([name])");
            assertTrue(bob.path().startsWith("/posts/"), bob.url());
            assertEquals("<img src=x onerror=alert(1)> a title that tries", bob.text("h1"));
            assertNothingRan(bob, bob.path());
            bob.type("#reply-body", "<img src=x onerror=alert(1)> and <a href=\"javascript:alert(1)\">a link</a>")
                    .click(".reply-form button[type=submit]:not([name])").waitForText(".comments .body", "a link");
            assertNothingRan(bob, bob.path() + " after a hostile comment");
            for (WebElement link : bob.findAll(".comments .body a")) {
                assertTrue(!link.getAttribute("href").toLowerCase().startsWith("javascript"), link.getAttribute("href"));
            }
        }
    }

    private static void assertNothingRan(Browser browser, String page) {
        try {
            org.openqa.selenium.Alert alert = browser.driver().switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            fail("an alert (" + text + ") opened on " + page);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertNull(browser.driver().executeScript("return window.__xss"), "window.__xss was set on " + page);
        Object foreignScripts = browser.driver().executeScript(
                "return Array.from(document.scripts).filter(s => !s.src.startsWith(location.origin + '/js/')"
                + " && !s.src.startsWith(location.origin + '/webjars/')).length");
        assertEquals(0L, foreignScripts, "scripts that are not ours on " + page);
    }
}

package io.backstory.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.backstory.platform.Browser;
import io.backstory.platform.BrowserArtifacts;
import io.backstory.platform.GenerousLimits;
import io.backstory.platform.HtmlChecker;
import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.backstory.platform.Lighthouse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * Every page type of the packaged app, with real content: valid HTML (W3C Nu Html Checker, zero errors), no serious
 * or critical accessibility violations (axe-core in Chromium), logged out and logged in, and a screenshot of each
 * at phone and desktop width in target/page-screenshots for a reviewer.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GenerousLimits.class, restrictToAnnotatedClass = true)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageQualityIT {

    private static final Path SCREENSHOTS = Path.of("target/page-screenshots");

    /** Page name to path, for anyone; and for a logged-in moderator. */
    private final Map<String, String> publicPages = new LinkedHashMap<>();
    private final Map<String, String> memberPages = new LinkedHashMap<>();
    private Browser visitor;
    private Browser moderator;

    /** Runs once, from the first test: RestAssured knows the application's port only once a test runs. */
    private synchronized void writeContentAndOpenBrowsers() {
        if (visitor != null) {
            return;
        }
        String bob = KeycloakServer.token("bob");
        String alice = KeycloakServer.token("alice");
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"handle\": \"bob_pages\"}").when().put("/api/v1/me/handle")
                .then().statusCode(200);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"handle\": \"alice_pages\"}").when().put("/api/v1/me/handle")
                .then().statusCode(200);
        long post = ((Number) given().auth().oauth2(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "Heat, walking and patience after a slipped disc",
                 "body": "Three days on the couch made it worse. What helped:\\n\\n- a **heating pad**, 20 minutes\\n- short walks every hour\\n\\nSee a professional if your leg goes numb.",
                 "conditions": ["herniated-disc", "sciatica"],
                 "remedies": [{"remedy": "heat", "outcome": "HELPED"}, {"remedy": "walking", "outcome": "HELPED"},
                              {"remedy": "short-rest", "outcome": "WORSE"}, {"remedy": "nsaids", "outcome": "NO_CHANGE"}]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long comment = ((Number) given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"body\": \"Glad the walks helped. Did you try *McKenzie* press-ups?\", \"remedies\": [\"mckenzie\"]}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"body\": \"Not yet, I will ask my physio.\", \"parentId\": " + comment + "}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201);
        long item = ((Number) given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"reason\": \"UNSAFE_ADVICE\", \"note\": \"Numbness deserves a stronger warning.\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201).extract().path("reviewItemId")).longValue();

        publicPages.put("home", "/");
        publicPages.put("conditions", "/conditions");
        publicPages.put("condition", "/conditions/herniated-disc");
        publicPages.put("tips", "/conditions/herniated-disc/tips");
        publicPages.put("remedies", "/remedies");
        publicPages.put("remedy", "/remedies/heat");
        publicPages.put("post", "/posts/" + post);
        publicPages.put("history", "/posts/" + post + "/history");
        publicPages.put("search", "/search?q=heat+walking");
        publicPages.put("search-empty", "/search?q=zzzzqqq");
        publicPages.put("profile", "/members/bob_pages");
        publicPages.put("not-found", "/posts/999999999");
        memberPages.put("new-post", "/posts/new");
        memberPages.put("post-logged-in", "/posts/" + post);
        memberPages.put("moderation-queue", "/moderation");
        memberPages.put("moderation-item", "/moderation/items/" + item);
        memberPages.put("notifications", "/notifications");
        memberPages.put("settings", "/settings");
        memberPages.put("home-logged-in", "/");

        visitor = Browser.open("visitor");
        moderator = Browser.open("alice");
        moderator.logInThroughKeycloak("alice");
    }

    @AfterAll
    void closeBrowsers() {
        if (visitor != null) {
            visitor.close();
            moderator.close();
        }
    }

    @Test
    void everyPageTypeIsValidHtml() {
        writeContentAndOpenBrowsers();
        String alice = KeycloakServer.token("alice");
        String bob = KeycloakServer.token("bob");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        publicPages.forEach((name, path) -> errors.put(name, HtmlChecker.errors(given().when().get(path).asString())));
        publicPages.forEach((name, path) -> errors.put(name + " (logged in)",
                HtmlChecker.errors(given().auth().oauth2(alice).when().get(path).asString())));
        memberPages.forEach((name, path) -> errors.put(name, HtmlChecker.errors(given().auth().oauth2(alice).when().get(path).asString())));
        errors.put("forbidden", HtmlChecker.errors(given().auth().oauth2(bob).when().get("/moderation").then().statusCode(403).extract().asString()));
        errors.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), errors, "Nu Html Checker errors by page");
    }

    @Test
    void noPageHasSeriousOrCriticalAccessibilityViolations() throws Exception {
        writeContentAndOpenBrowsers();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (var page : publicPages.entrySet()) {
            violations.put(page.getKey(), audit(visitor, page.getValue()));
        }
        for (var page : memberPages.entrySet()) {
            violations.put(page.getKey(), audit(moderator, page.getValue()));
        }
        for (var page : publicPages.entrySet()) {
            violations.put(page.getKey() + " (logged in)", audit(moderator, page.getValue()));
        }
        // The dark theme (the system setting, emulated) has its own colours: contrast is checked again.
        useDarkTheme(visitor, true);
        useDarkTheme(moderator, true);
        try {
            for (var page : publicPages.entrySet()) {
                violations.put(page.getKey() + " (dark)", audit(visitor, page.getValue()));
            }
            violations.put("post-logged-in (dark)", audit(moderator, memberPages.get("post-logged-in")));
            violations.put("moderation-item (dark)", audit(moderator, memberPages.get("moderation-item")));
        } finally {
            useDarkTheme(visitor, false);
            useDarkTheme(moderator, false);
        }
        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations, "axe-core serious and critical violations by page");
    }

    @Test
    void screenshotsOfEveryPageTypeAtPhoneAndDesktopWidth() throws Exception {
        writeContentAndOpenBrowsers();
        Files.createDirectories(SCREENSHOTS);
        List<Path> written = new ArrayList<>();
        for (var size : Map.of("phone", new Dimension(390, 844), "desktop", new Dimension(1366, 900)).entrySet()) {
            visitor.driver().manage().window().setSize(size.getValue());
            moderator.driver().manage().window().setSize(size.getValue());
            for (var page : publicPages.entrySet()) {
                written.add(screenshot(visitor, page.getValue(), page.getKey() + "-" + size.getKey()));
            }
            for (var page : memberPages.entrySet()) {
                written.add(screenshot(moderator, page.getValue(), page.getKey() + "-" + size.getKey()));
            }
        }
        visitor.driver().manage().window().setSize(new Dimension(390, 844));
        useDarkTheme(visitor, true);
        try {
            for (String page : List.of("home", "condition", "post")) {
                written.add(screenshot(visitor, publicPages.get(page), page + "-phone-dark"));
            }
        } finally {
            useDarkTheme(visitor, false);
        }
        for (Path png : written) {
            assertTrue(Files.size(png) > 5_000, "an empty-looking screenshot: " + png);
        }
    }

    @Test
    void lighthouseScoresAtLeast90InEveryCategoryForHomeConditionAndPost() throws Exception {
        writeContentAndOpenBrowsers();
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        for (String page : List.of("home", "condition", "post")) {
            scores.put(page, Lighthouse.scores(Browser.baseUrl() + publicPages.get(page), page));
        }
        StringBuilder report = new StringBuilder("Lighthouse " + Lighthouse.VERSION + " scores (target/lighthouse/*.report.json):\n");
        scores.forEach((page, byCategory) -> report.append("  ").append(page).append(": ").append(byCategory).append('\n'));
        Files.writeString(Path.of("target/lighthouse/scores.txt"), report);
        System.out.print(report);
        scores.forEach((page, byCategory) -> byCategory.forEach((category, score) ->
                assertTrue(score >= 90, page + " scores " + score + " in " + category + "\n" + report)));
    }

    /** Emulates the system's dark (or default) colour scheme through the DevTools protocol. */
    private static void useDarkTheme(Browser browser, boolean dark) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    private static List<String> audit(Browser browser, String path) {
        browser.go(path);
        Results results = new AxeBuilder().analyze(browser.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
        return found;
    }

    private static Path screenshot(Browser browser, String path, String name) throws Exception {
        return browser.go(path).screenshot(SCREENSHOTS.resolve(name + ".png"));
    }
}

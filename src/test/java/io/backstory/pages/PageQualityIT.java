package io.backstory.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * Every page type of the packaged app, with real content: valid HTML (W3C Nu Html Checker, zero errors), no serious
 * or critical accessibility violations (axe-core in Chromium), logged out and logged in, and a screenshot of each
 * at phone and desktop width in target/page-screenshots for a reviewer.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
@ExtendWith(BrowserArtifacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageQualityIT {

    private static final Path SCREENSHOTS = Path.of("target/page-screenshots");

    /** Page name to path, for anyone; and for a logged-in moderator. */
    private final Map<String, String> publicPages = new LinkedHashMap<>();
    private final Map<String, String> memberPages = new LinkedHashMap<>();
    private long post;
    private long reply;
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
        post = ((Number) given().auth().oauth2(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "Heat, walking and patience after a slipped disc",
                 "body": "Three days on the couch made it worse. What helped:\\n\\n- a **heating pad**, 20 minutes\\n- short walks every hour\\n\\nSee a professional if your leg goes numb.",
                 "conditions": ["herniated-disc", "sciatica"],
                 "remedies": [{"remedy": "heat", "outcome": "HELPED"}, {"remedy": "walking", "outcome": "HELPED"},
                              {"remedy": "short-rest", "outcome": "WORSE"}, {"remedy": "nsaids", "outcome": "NO_CHANGE"}]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long comment = ((Number) given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"body\": \"Glad the walks helped. Did you try *McKenzie* press-ups?\", \"remedies\": [\"mckenzie\"]}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        reply = ((Number) given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"body\": \"Not yet, I will ask my physio.\", \"parentId\": " + comment + "}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        long item = ((Number) given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"reason\": \"UNSAFE_ADVICE\", \"note\": \"Numbness deserves a stronger warning.\"}")
                .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201).extract().path("reviewItemId")).longValue();

        // The moderator follows a condition and keeps a bookmark, so those pages show a list rather than their empty state.
        given().auth().oauth2(alice).when().put("/api/v1/conditions/herniated-disc/follow").then().statusCode(204);
        given().auth().oauth2(alice).when().put("/api/v1/posts/" + post + "/bookmark").then().statusCode(204);

        // Five more stories, so the condition and remedy pages show the evidence chart and table (5 reports or more).
        List<String> outcomes = List.of("HELPED", "HELPED", "HELPED", "NO_CHANGE", "WORSE");
        for (int day = 1; day <= outcomes.size(); day++) {
            given().auth().oauth2(bob).contentType(ContentType.JSON).body("""
                    {"kind": "STORY", "title": "Day %d with a herniated disc: heat in the morning, a thrown-out back by evening",
                     "body": "**Things that helped** - a heating pad and slow walks. Physiotherapy exercises twice a day.",
                     "conditions": ["herniated-disc"],
                     "remedies": [{"remedy": "heat", "outcome": "%s"}, {"remedy": "walking", "outcome": "HELPED"}]}""".formatted(day, outcomes.get(day - 1)))
                    .when().post("/api/v1/posts").then().statusCode(201);
        }

        publicPages.put("home", "/");
        publicPages.put("conditions", "/conditions");
        publicPages.put("condition", "/conditions/herniated-disc");
        publicPages.put("tips", "/conditions/herniated-disc/tips");
        publicPages.put("remedies", "/remedies");
        publicPages.put("remedy", "/remedies/heat");
        publicPages.put("post", "/posts/" + post);
        publicPages.put("history", "/posts/" + post + "/history");
        publicPages.put("search", "/search?q=heat+walking");
        publicPages.put("search-filters", "/search?q=heat&kind=story");
        publicPages.put("search-empty", "/search?q=zzzzqqq");
        publicPages.put("profile", "/members/bob_pages");
        publicPages.put("not-found", "/posts/999999999");
        memberPages.put("new-post", "/posts/new");
        memberPages.put("post-logged-in", "/posts/" + post);
        memberPages.put("moderation-queue", "/moderation");
        memberPages.put("moderation-item", "/moderation/items/" + item);
        memberPages.put("moderation-log", "/moderation/log");
        memberPages.put("moderation-rules", "/moderation/rules");
        memberPages.put("notifications", "/notifications");
        memberPages.put("settings", "/settings");
        memberPages.put("home-logged-in", "/");
        memberPages.put("drafts", "/drafts");
        memberPages.put("following", "/following");
        memberPages.put("bookmarks", "/bookmarks");
        memberPages.put("settings-mail", "/settings/mail");
        memberPages.put("delete-account", "/settings/delete");
        memberPages.put("moderation-tags", "/moderation/tags");
        memberPages.put("moderation-screening", "/moderation/screening");

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
            if (!memberPages.containsValue(page.getValue())) { // the home page and the post are member pages too
                violations.put(page.getKey() + " (logged in)", audit(moderator, page.getValue()));
            }
        }
        // The dark theme (the system setting, emulated) changes only colours: their contrast is checked again.
        useDarkTheme(visitor, true);
        useDarkTheme(moderator, true);
        try {
            for (var page : publicPages.entrySet()) {
                violations.put(page.getKey() + " (dark)", audit(visitor, page.getValue(), CONTRAST));
            }
            violations.put("post-logged-in (dark)", audit(moderator, memberPages.get("post-logged-in"), CONTRAST));
            violations.put("moderation-item (dark)", audit(moderator, memberPages.get("moderation-item"), CONTRAST));
        } finally {
            useDarkTheme(visitor, false);
            useDarkTheme(moderator, false);
        }
        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations, "axe-core serious and critical violations by page");
    }

    /**
     * The layout rules (README, "Layout"): at 320, 390 and 1366 px no page scrolls sideways and no visible text is
     * smaller than 12 px; on phones every control is at least 44×44 px (links inside a line of text excepted, as
     * WCAG 2.5.8 allows) and the search box is at least 60% of the width. Full-page screenshots of each page at each
     * width go to target/page-screenshots for a reviewer.
     */
    @Test
    void everyPageTypeFitsPhonesAndDesktops() throws Exception {
        writeContentAndOpenBrowsers();
        Files.createDirectories(SCREENSHOTS);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (int width : List.of(320, 390, 1366)) {
            Dimension size = new Dimension(width, width < 800 ? 844 : 900);
            visitor.driver().manage().window().setSize(size);
            moderator.driver().manage().window().setSize(size);
            for (var page : publicPages.entrySet()) {
                problems.put(page.getKey() + " @" + width, checkLayout(visitor, page.getValue(), page.getKey(), width));
            }
            for (var page : memberPages.entrySet()) {
                problems.put(page.getKey() + " @" + width, checkLayout(moderator, page.getValue(), page.getKey(), width));
            }
            problems.put("search box (header) @" + width, searchBoxProblems(visitor.go("/"), "#header-q", width));
            problems.put("search box (search page) @" + width, searchBoxProblems(visitor.go(publicPages.get("search")), "#search-q", width));
        }
        visitor.driver().manage().window().setSize(new Dimension(390, 844));
        useDarkTheme(visitor, true);
        try {
            for (String page : List.of("home", "condition", "post")) {
                fullPageScreenshot(visitor.go(publicPages.get(page)), page + "-390-dark");
            }
        } finally {
            useDarkTheme(visitor, false);
        }
        visitor.driver().manage().window().setSize(new Dimension(1366, 900));
        moderator.driver().manage().window().setSize(new Dimension(1366, 900));
        problems.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), problems, "layout problems by page and width (screenshots in " + SCREENSHOTS + ")");
    }

    /** What a person would see as broken on one page at one width; saves its screenshot. */
    private static List<String> checkLayout(Browser browser, String path, String name, int width) {
        browser.go(path);
        fullPageScreenshot(browser, name + "-" + width);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.driver().executeScript(LAYOUT_PROBE, width < 800);
        return found;
    }

    private static List<String> searchBoxProblems(Browser browser, String css, int width) {
        if (width >= 800) {
            return List.of();
        }
        double share = ((Number) browser.driver().executeScript("return arguments[0].getBoundingClientRect().width"
                + " / document.documentElement.clientWidth", browser.find(css))).doubleValue();
        return share >= 0.6 ? List.of() : List.of(css + " is " + Math.round(share * 100) + "% of the width");
    }

    /**
     * Runs in the page; argument: whether the window is a phone's. Lists sideways scroll, visible text under 12 px
     * (SVG text measured as drawn) and, on phones, controls under 44×44 px. A link is exempt when it sits in a
     * line of text (its block holds words besides its links), as WCAG 2.5.8's inline exception allows;
     * a checkbox or radio button is measured with the label it sits in, which takes the tap too.
     */
    private static final String LAYOUT_PROBE = """
            const phone = arguments[0], found = [], root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .filter(e => e.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
                .slice(0, 3).map(describe);
              found.push('scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth + ' px, widest: ' + wide.join(', '));
            }
            function describe(e) {
              const r = e.getBoundingClientRect();
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\s+/).join('.') : '')
                + ' "' + (e.innerText || e.textContent || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '" '
                + Math.round(r.width) + 'x' + Math.round(r.height);
            }
            function shown(e) {
              for (let a = e; a; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (s.display === 'none' || s.visibility === 'hidden' || s.clip && s.clip !== 'auto') return false;
              }
              const r = e.getBoundingClientRect();
              return r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0;
            }
            const small = new Set();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              const e = node.parentElement;
              if (!node.textContent.trim() || !e || small.has(e) || ['SCRIPT', 'STYLE', 'TITLE', 'OPTION'].includes(e.tagName) || !shown(e)) continue;
              let size = parseFloat(getComputedStyle(e).fontSize);
              if (e instanceof SVGElement && e.ownerSVGElement) size *= e.ownerSVGElement.getScreenCTM().a;
              if (size < 11.95) { small.add(e); found.push('text ' + size.toFixed(1) + ' px: ' + describe(e)); }
            }
            if (phone) {
              const controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]');
              for (const c of controls) {
                if (!shown(c)) continue;
                if (c.tagName === 'A' && inLineOfText(c)) continue;
                const target = ['checkbox', 'radio'].includes(c.type) && c.closest('label') ? c.closest('label') : c;
                const r = target.getBoundingClientRect();
                if (r.width < 43.5 || r.height < 43.5) found.push('small control: ' + describe(target));
              }
            }
            function inLineOfText(link) {
              let block = link.parentElement;
              while (getComputedStyle(block).display === 'inline') block = block.parentElement;
              let words = block.textContent;
              for (const other of block.querySelectorAll('a')) words = words.replace(other.textContent, '');
              return /[A-Za-z0-9]/.test(words);
            }
            return found.slice(0, 12);
            """;

    /** A PNG of the whole page (not only the window) at the window's width. */
    private static Path fullPageScreenshot(Browser browser, String name) {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) browser.driver().executeScript("return [Math.max(window.innerWidth,"
                + " document.documentElement.scrollWidth), document.documentElement.scrollHeight]");
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get(0).doubleValue(),
                        "height", Math.min(size.get(1).doubleValue(), 8000), "scale", 1)));
        Path png = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    /** Issue 17: after a vote updates in place, the button's number once disagreed with the line above it. */
    @Test
    void theVoteButtonsAndThePointsLineAgreeAfterEveryInPlaceUpdate() {
        writeContentAndOpenBrowsers();
        moderator.go("/posts/" + post);
        for (String target : List.of("posts-" + post, "comments-" + reply)) {
            for (String press : List.of("up", "down", "down", "up", "up")) {
                String button = button(target, press);
                boolean pressedBefore = "true".equals(moderator.find(button).getAttribute("aria-pressed"));
                int voteBefore = vote(target);
                int pointsBefore = Integer.parseInt(moderator.text(points(target)).split(" ")[0]);
                moderator.click(button);
                new org.openqa.selenium.support.ui.WebDriverWait(moderator.driver(), java.time.Duration.ofSeconds(20))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                        .until(d -> pressedBefore != "true".equals(moderator.find(button).getAttribute("aria-pressed")));
                String url = moderator.url();
                String line = moderator.text(points(target));
                assertEquals(pointsBefore + vote(target) - voteBefore, Integer.parseInt(line.split(" ")[0]),
                        "the points line counts the change of vote, after pressing " + press + " on " + target);
                // A comment's buttons carry no number of their own (the points line is beside them); the post's do.
                int onButton = target.startsWith("comments-") ? Integer.parseInt(line.split(" ")[0])
                        : Integer.parseInt(moderator.text("#vote-" + target + " .score"));
                assertTrue(line.startsWith(onButton + " point"), "after pressing " + press + " on " + target + ": the button says "
                        + onButton + ", the line says " + line);
                var tally = Pattern.compile("\\((\\d+) up, (\\d+) down\\)").matcher(line);
                if (tally.find()) {
                    assertEquals(onButton, Integer.parseInt(tally.group(1)) - Integer.parseInt(tally.group(2)), line);
                }
                assertEquals(url, moderator.url(), "the vote updates in place");
            }
        }
    }

    /** The moderator's vote on the target as its pressed button shows: 1, -1 or 0. */
    private int vote(String target) {
        return "true".equals(moderator.find(button(target, "up")).getAttribute("aria-pressed")) ? 1
                : "true".equals(moderator.find(button(target, "down")).getAttribute("aria-pressed")) ? -1 : 0;
    }

    /** A post's points line has an id; a comment's is the last part of its meta line (m147) on a member's page. */
    private static String points(String target) {
        return target.startsWith("posts-") ? "#points-" + target : "#m" + target.substring("comments-".length()) + " > span:last-child";
    }

    /** A post's vote button has an id; a comment's is the first (up) or second (down) of its actions line. */
    private static String button(String target, String press) {
        return target.startsWith("posts-") ? "#vote-" + target + "-" + press
                : "#c" + target.substring("comments-".length()) + " > article > p.actions > button:nth-of-type("
                        + (press.equals("up") ? 1 : 2) + ")";
    }

    @Test
    void lighthouseScoresAtLeast90InEveryCategoryForHomeConditionAndPost() throws Exception {
        writeContentAndOpenBrowsers();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String page : List.of("home", "condition", "post")) {
            pages.put(page, Browser.baseUrl() + publicPages.get(page));
        }
        Map<String, Map<String, Integer>> scores = Lighthouse.scores(pages);
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

    /** axe-core's rule for the contrast of text with its background. */
    private static final String CONTRAST = "color-contrast";

    /** Serious and critical violations on the page: of all axe-core's rules, or only of those named. */
    private static List<String> audit(Browser browser, String path, String... onlyRules) {
        browser.go(path);
        AxeBuilder axe = new AxeBuilder();
        if (onlyRules.length > 0) {
            axe.withOnlyRules(List.of(onlyRules));
        }
        Results results = axe.analyze(browser.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
        return found;
    }

}

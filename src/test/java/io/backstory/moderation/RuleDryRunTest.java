package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A rule tried on recent posts and comments before it is saved: how many it would match, with examples marked. */
@QuarkusTest
class RuleDryRunTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String modauthor7 = TestUsers.newMember();

    @Test
    void aDryRunCountsRecentMatchesAndShowsThemWithTheWordsMarked() {
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String condition = ModeratorFlowTest.condition(alice);
        String author = modauthor7;
        long first = ModeratorFlowTest.post(author, condition, "A wobble board story",
                "Things that helped.\n\nI stood on a " + word + " board for ten minutes a day, and my back eased.");
        long second = ModeratorFlowTest.post(author, condition, "Another wobble board story", "The " + word + " board, again.");
        ModeratorFlowTest.post(author, condition, "A story without the word", "Short walks helped me.");

        Map<String, Object> fields = new HashMap<>(Map.of("isNew", "true", "code", "dry-" + word, "category", "SPAM",
                "subcategory", "wobble board adverts", "action", "FLAG", "patterns", word + " board",
                "notice", "Adverts are not allowed.", "enabled", "true", "submit", "dry-run", "sample", ""));
        Response answer = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(200, answer.statusCode(), answer.asString());
        Document page = PageForms.html(answer);
        String heading = page.selectFirst("#dry-run-heading").text();
        assertTrue(heading.startsWith("It would have matched 2 of the newest"), heading);
        List<Element> examples = page.select(".dry-run li");
        assertEquals(2, examples.size());
        assertEquals(List.of("/posts/" + second, "/posts/" + first), examples.stream().map(e -> e.selectFirst("a").attr("href")).toList(),
                "newest first, each linked");
        assertEquals(word + " board", examples.get(0).selectFirst("mark").text());
        assertTrue(examples.get(1).selectFirst(".marked-sample").text().contains("I stood on a " + word + " board for ten"),
                "the words around the match");
        assertEquals(word + " board", page.selectFirst("textarea[name=patterns]").text(), "the form keeps the rule");
        ModeratorFlowTest.page(alice, "/moderation/rules").select("ol.rules a").eachText()
                .forEach(name -> assertTrue(!name.equals("Wobble board adverts"), "a dry run saves nothing"));
    }

    @Test
    void patternsAreTriedBeforeTheRuleHasANameOrANotice() {
        // The try buttons skip the browser's checks of the fields a trial does not need (formnovalidate).
        Document form = PageForms.html(io.backstory.platform.TestUsers.as(alice).when().get("/moderation/rules/new"));
        assertTrue(form.selectFirst("button[name=submit][value=test]").hasAttr("formnovalidate"));
        assertTrue(form.selectFirst("button[name=submit][value=dry-run]").hasAttr("formnovalidate"));

        Map<String, Object> fields = new HashMap<>(Map.of("isNew", "true", "code", "", "category", "SPAM",
                "subcategory", "", "action", "FLAG", "patterns", "lumbar roll* discount", "notice", "",
                "submit", "test", "sample", "Get a lumbar rolls discount today, link in bio"));
        Response tried = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(200, tried.statusCode(), tried.asString());
        assertEquals("lumbar rolls discount", PageForms.html(tried).selectFirst(".test-result mark").text());

        fields.put("submit", "dry-run");
        Response dryRun = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(200, dryRun.statusCode(), dryRun.asString());
        assertTrue(PageForms.html(dryRun).selectFirst("#dry-run-heading").text().startsWith("It would have matched"));

        fields.put("submit", "save");
        Response saved = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(400, saved.statusCode(), "saving still needs the name and the notice");
        assertTrue(PageForms.html(saved).text().contains("the notice is what members see; it is required"));
    }

    @Test
    void aBrokenPatternIsRefusedWithTheFormKept() {
        Map<String, Object> fields = new HashMap<>(Map.of("isNew", "true", "code", "dry-broken", "category", "SPAM",
                "subcategory", "broken", "action", "FLAG", "patterns", "@nosuchlist board",
                "notice", "A notice.", "enabled", "true", "submit", "dry-run", "sample", ""));
        Response answer = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(400, answer.statusCode());
        Document page = PageForms.html(answer);
        assertEquals("@nosuchlist board", page.selectFirst("textarea[name=patterns]").text());
        assertTrue(page.select("#dry-run-heading").isEmpty());
    }
}

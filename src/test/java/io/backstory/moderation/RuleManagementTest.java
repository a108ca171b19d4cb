package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class RuleManagementTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    private static Map<String, Object> rule(String code, String patterns) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("code", code);
        rule.put("category", "UNSAFE_ADVICE");
        rule.put("subcategory", "home cupping");
        rule.put("action", "FLAG");
        rule.put("patterns", patterns);
        rule.put("exceptions", "acupunctur* ~3");
        rule.put("negatable", true);
        rule.put("minRegexHits", 1);
        rule.put("notice", "Cupping can bruise and burn: see a trained practitioner.");
        rule.put("enabled", true);
        return rule;
    }

    /** The rules matching the text (the screening model may flag it too; this test is about the rules). */
    private static java.util.List<String> rulesMatching(String text) {
        // Its own caller, so other tests using the preview cannot exhaust this one's per-minute limit.
        return as("rule-previewer").contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/api/v1/screening")
                .then().statusCode(200).extract().path("matches.rule");
    }

    @Test
    void moderatorsTestAddDisableAndEditRulesThatApplyAtOnce() {
        String text = "Try fire cupping on your own back at home.";
        assertFalse(rulesMatching(text).contains("unsafe-home-cupping"));
        Map<String, Object> rule = rule("unsafe-home-cupping", "cupping & home|yourself|own");

        as(alice).contentType(ContentType.JSON).body(Map.of("rule", rule, "text", text))
                .when().post("/api/v1/moderation/rules/test").then().statusCode(200)
                .body("verdict", equalTo("FLAG")).body("matches[0].excerpt", containsString("cupping"));
        as(alice).contentType(ContentType.JSON).body(Map.of("rule", rule, "text", "My acupuncturist did cupping at home visits."))
                .when().post("/api/v1/moderation/rules/test").then().statusCode(200).body("verdict", equalTo("ALLOW"));
        assertFalse(rulesMatching(text).contains("unsafe-home-cupping"), "testing saves nothing");

        as(alice).contentType(ContentType.JSON).body(rule).when().post("/api/v1/moderation/rules").then().statusCode(201)
                .body("version", equalTo(0));
        assertTrue(rulesMatching(text).contains("unsafe-home-cupping"), "a new rule applies at once");
        as(alice).contentType(ContentType.JSON).body(rule).when().post("/api/v1/moderation/rules").then().statusCode(409);

        Map<String, Object> disabled = new HashMap<>(rule);
        disabled.put("enabled", false);
        disabled.put("version", 0);
        as(admin).contentType(ContentType.JSON).body(disabled).when().put("/api/v1/moderation/rules/unsafe-home-cupping")
                .then().statusCode(200).body("enabled", equalTo(false)).body("version", equalTo(1));
        assertFalse(rulesMatching(text).contains("unsafe-home-cupping"), "a disabled rule stops applying");
        as(alice).contentType(ContentType.JSON).body(disabled).when().put("/api/v1/moderation/rules/unsafe-home-cupping")
                .then().statusCode(409).body("current.version", equalTo(1));
        as(alice).when().get("/api/v1/moderation/rules").then().body("code", hasItem("unsafe-home-cupping"));
    }

    @Test
    void rulesThatDoNotCompileAreRefusedNamingTheProblem() {
        as(alice).contentType(ContentType.JSON).body(rule("broken-rule", "cupping @nosuchlist"))
                .when().post("/api/v1/moderation/rules").then().statusCode(400)
                .body("errors.field", hasItem("patterns")).body("detail", containsString("@nosuchlist"));
        Map<String, Object> badRegex = rule("broken-regex", "");
        badRegex.put("regex", "(unclosed");
        as(alice).contentType(ContentType.JSON).body(badRegex).when().post("/api/v1/moderation/rules")
                .then().statusCode(400).body("errors.field", hasItem("regex"));
        as(alice).contentType(ContentType.JSON).body(rule("Bad Code", "x")).when().post("/api/v1/moderation/rules")
                .then().statusCode(400).body("errors.field", hasItem("code"));
        as(alice).when().get("/api/v1/moderation/rules").then().body("code", not(hasItem("broken-rule")));
        as(bob).when().get("/api/v1/moderation/rules").then().statusCode(403);
    }

    @Test
    void theRulePageTestsBeforeSavingWithoutJavaScript() {
        Map<String, Object> fields = new HashMap<>(Map.of("isNew", "true", "code", "unsafe-page-cupping",
                "category", "UNSAFE_ADVICE", "subcategory", "home cupping", "action", "FLAG",
                "patterns", "glass & cupping", "notice", "See a trained practitioner.", "enabled", "true",
                "negatable", "true"));
        fields.put("sample", "I did glass cupping on my neck.");
        fields.put("submit", "test");
        Response tested = PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields);
        assertEquals(200, tested.statusCode());
        Document page = PageForms.html(tested);
        assertEquals("It matches: Publish, and ask a moderator to look", page.selectFirst("#test-heading").text());
        assertEquals("glass cupping", page.selectFirst(".test-result mark").text());
        assertEquals("I did glass cupping on my neck.", page.selectFirst(".test-result .marked-sample").text(),
                "the sample itself, its matched words marked");
        assertEquals("glass & cupping", page.selectFirst("textarea[name=patterns]").text(), "the form keeps the rule");

        fields.put("submit", "save");
        assertEquals(303, PageForms.submit(alice, "/moderation/rules/new", "/moderation/rules", fields).statusCode());
        Document list = PageForms.html(as(alice).when().get("/moderation/rules"));
        assertTrue(list.select("ol.rules a").eachText().contains("Home cupping"), "listed by what it looks for");
    }
}

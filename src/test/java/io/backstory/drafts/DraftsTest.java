package io.backstory.drafts;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backstory.platform.Limits;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Drafts through the real page endpoints with real CSRF tokens: saved as the member types (the script's endpoint)
 * and with "Save draft", given back in the form with every character and choice, listed, discarded, gone on publish;
 * only ever shown to their writer; held to the form's limits and a count per member. And a form sent after the login
 * ran out: kept, and given back after login to that member only.
 */
@QuarkusTest
class DraftsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String drafter = TestUsers.newMember();
    private final String peeker = TestUsers.newMember();

    @Inject
    Limits limits;

    /** A story's worth of text in several scripts, with emoji outside the BMP and a joined sequence. */
    static final String STORY = """
            ## The week my back gave out

            I bent to tie a shoe and my lower back locked 😖. My grandmother called it 腰痛, my colleague says \
            спина болить, and my neighbour sighs πόνος. Heat helped 🔥, walking helped more 🚶\u200d♀️.

            - a heating pad, 20 minutes
            - short walks, five minutes at first

            Day 12: I carried the laundry up the stairs. 🎉""";

    @BeforeEach
    void startClean() {
        for (String user : List.of(drafter, peeker)) {
            for (Document page = PageForms.html(as(user).get("/drafts")); !page.select(".draft-list .discard").isEmpty();
                    page = PageForms.html(as(user).get("/drafts"))) {
                String confirm = page.select(".draft-list .discard").first().attr("href");
                assertEquals(303, PageForms.submit(user, confirm, confirm, Map.of()).statusCode());
            }
        }
    }

    @Test
    void aDraftSavedAsTheMemberTypesComesBackWithEveryCharacterAndChoiceAndGoesWhenPublished() {
        Map<String, Object> fields = storyFields("A week with a locked lower back", STORY);
        assertEquals(204, autosave(drafter, "/posts/new", "/posts", fields).statusCode());

        Document form = PageForms.html(as(drafter).get("/posts/new"));
        assertEquals("A week with a locked lower back", form.select("#field-title").val());
        assertEquals(STORY, form.select("#field-body").text().isEmpty() ? "" : form.select("#field-body").first().wholeText());
        assertTrue(form.select("input[name=kind][value=QUESTION]").hasAttr("checked"), "the kind is kept");
        assertTrue(form.select("input[name=condition][value=sciatica]").hasAttr("checked"), "conditions are kept");
        assertTrue(form.select("input[name=condition][value=herniated-disc]").hasAttr("checked"));
        assertEquals("HELPED", form.select("select[name='remedy.heat'] option[selected]").val(), "outcomes are kept");
        assertEquals("WORSE", form.select("select[name='remedy.short-rest'] option[selected]").val());
        assertTrue(form.select(".draft-notice").text().startsWith("Your draft from"), form.select("main").text());
        assertTrue(form.select(".account-menu a[href=/drafts]").text().equals("Drafts (1)"), form.select(".account-menu").text());

        Document list = PageForms.html(as(drafter).get("/drafts"));
        assertEquals("A week with a locked lower back", list.select(".draft-list li a[href=/posts/new]").text());
        assertTrue(list.select(".draft-list .meta").text().startsWith("A new post, saved"), list.select(".draft-list").text());

        // Typing on replaces the draft of the same form.
        fields.put("body", STORY + "\n\nDay 13: still fine.");
        assertEquals(204, autosave(drafter, "/posts/new", "/posts", fields).statusCode());
        assertEquals(1, PageForms.html(as(drafter).get("/drafts")).select(".draft-list li").size());

        Response published = PageForms.submit(drafter, "/posts/new", "/posts", fields);
        assertEquals(303, published.statusCode(), published.asString());
        assertTrue(PageForms.html(as(drafter).get("/drafts")).select(".draft-list li").isEmpty(), "published: no draft left");
        Document fresh = PageForms.html(as(drafter).get("/posts/new"));
        assertEquals("", fresh.select("#field-title").val());
        assertTrue(fresh.select(".draft-notice").isEmpty());
    }

    @Test
    void commentsRepliesAndEditsKeepDraftsOfTheirOwn() {
        long post = newPost(drafter);
        String comment = "A comment with 😀 and ñ, half written";
        assertEquals(204, autosave(drafter, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", comment, "remedy", "heat")).statusCode());
        Document page = PageForms.html(as(drafter).get("/posts/" + post));
        assertEquals(comment, page.select("#reply-body").first().wholeText());
        assertTrue(page.select(".reply-form input[name=remedy][value=heat]").hasAttr("checked"));
        assertTrue(page.select(".reply-form .draft-notice").text().startsWith("Your draft from"),
                "the comment box says its text is a draft: " + page.select("#comments").text());
        // The post page reads its form's draft and the account menu's count together: both right, with and without one.
        int drafts = PageForms.html(as(drafter).get("/drafts")).select(".draft-list li").size();
        assertEquals("Drafts (" + drafts + ")", page.select(".account-menu a[href=/drafts]").text());

        Response sent = PageForms.submit(drafter, "/posts/" + post, "/posts/" + post + "/comments", Map.of("body", comment));
        assertEquals(303, sent.statusCode());
        Document after = PageForms.html(as(drafter).get("/posts/" + post));
        assertTrue(after.select("#reply-body").first().wholeText().isEmpty(), "the sent comment's draft is gone");
        assertEquals("Drafts (" + (drafts - 1) + ")", after.select(".account-menu a[href=/drafts]").text());

        String edit = "/posts/" + post + "/edit";
        Map<String, Object> fields = storyFields("An edited title for the draft", "Edited text, not sent yet 🙂");
        fields.put("version", "0");
        assertEquals(204, autosave(drafter, edit, edit, fields).statusCode());
        Document editForm = PageForms.html(as(drafter).get(edit));
        assertEquals("An edited title for the draft", editForm.select("#field-title").val());
        assertEquals("0", editForm.select("input[name=version]").val(), "the version edited is kept, so a later change conflicts");
    }

    @Test
    void anAutosaveOvertakenByTheSentCommentDoesNotBringItsDraftBack() {
        long post = newPost(drafter);
        String page = "/posts/" + post;
        String opened = PageForms.html(as(drafter).get(page)).selectFirst(".reply-form input[name=draft-opened]").val();
        String comment = "Sent while its autosave was still on the way";
        assertEquals(204, autosave(drafter, page, page + "/comments", Map.of("body", comment, "draft-opened", opened)).statusCode());
        assertEquals(303, PageForms.submit(drafter, page, page + "/comments", Map.of("body", comment)).statusCode());

        // The autosave from that page arrives late, or a browser puts back its copy of the form: nothing comes back.
        assertEquals(205, autosave(drafter, page, page + "/comments", Map.of("body", comment, "draft-opened", opened)).statusCode());
        Document after = PageForms.html(as(drafter).get(page));
        assertTrue(after.select("#reply-body").first().wholeText().isEmpty(), "the published comment is not offered again");
        assertTrue(PageForms.html(as(drafter).get("/drafts")).select(".draft-list li").isEmpty(), "and no draft is listed");

        // The next comment, written on the page opened after that, is kept as a draft again.
        String reopened = after.selectFirst(".reply-form input[name=draft-opened]").val();
        assertEquals(204, autosave(drafter, page, page + "/comments",
                Map.of("body", "A second comment", "draft-opened", reopened)).statusCode());
        assertEquals("A second comment", PageForms.html(as(drafter).get(page)).select("#reply-body").first().wholeText());
    }

    @Test
    void saveDraftWithoutJavaScriptKeepsTheFormAndItsRefusalsKeepTheText() {
        Map<String, Object> fields = storyFields("Saved with the button", STORY);
        fields.put("save-draft", "1");
        Response saved = PageForms.submit(drafter, "/posts/new", "/posts", fields);
        assertEquals(303, saved.statusCode());
        assertEquals("/posts/new", java.net.URI.create(saved.getHeader("Location")).getPath());
        assertEquals(STORY, PageForms.html(as(drafter).get("/posts/new")).select("#field-body").first().wholeText());

        String tooLong = "ü".repeat(40_001);
        fields.put("body", tooLong);
        Response refused = PageForms.submit(drafter, "/posts/new", "/posts", fields);
        assertEquals(400, refused.statusCode());
        Document again = PageForms.html(refused);
        assertEquals(tooLong, again.select("#field-body").first().wholeText(), "the same form with the text kept");
        assertTrue(again.select("#body-error").text().contains("40,001 characters"), again.select("#body-error").text());
        assertEquals(STORY, PageForms.html(as(drafter).get("/posts/new")).select("#field-body").first().wholeText(),
                "the refused text did not replace the draft");
    }

    @Test
    void anotherMemberCanNeitherSeeNorDiscardADraft() {
        autosave(drafter, "/posts/new", "/posts", storyFields("Only mine to read", STORY));
        Document list = PageForms.html(as(drafter).get("/drafts"));
        String discard = list.select(".draft-list .discard").attr("href");
        assertTrue(discard.matches("/drafts/\\d+/discard"), discard);

        assertEquals(404, as(peeker).get(discard).statusCode());
        Response forged = PageForms.submit(peeker, "/posts/new", "/posts", discard, Map.of());
        assertEquals(404, forged.statusCode(), forged.asString());
        assertFalse(as(peeker).get("/drafts").asString().contains("Only mine to read"));
        assertFalse(as(peeker).get("/posts/new").asString().contains("Only mine to read"));
        assertFalse(given().get("/drafts").asString().contains("Only mine to read"));

        assertTrue(as(drafter).get("/drafts").asString().contains("Only mine to read"), "still there for its writer");
        assertEquals("Only mine to read", as(drafter).get("/api/v1/me/export").then().statusCode(200).extract()
                .path("drafts[0].fields.title[0]"), "drafts are in their writer's data export");
        assertTrue(PageForms.html(as(drafter).get(discard)).select("h1").text().equals("Discard this draft?"));
        assertEquals(303, PageForms.submit(drafter, discard, discard, Map.of()).statusCode());
        assertFalse(as(drafter).get("/drafts").asString().contains("Only mine to read"));
    }

    @Test
    void draftsObeyTheFormsLimitsAndACountPerMember() {
        Response tooLong = autosave(drafter, "/posts/new", "/posts", storyFields("Fine title", "x".repeat(40_001)));
        assertEquals(400, tooLong.statusCode());
        long post = newPost(drafter);
        assertEquals(400, autosave(drafter, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", "y".repeat(10_001))).statusCode(), "a comment's draft has a comment's limit");
        assertEquals(204, autosave(drafter, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", "😀".repeat(10_000))).statusCode(), "10,000 emoji are 10,000 characters");
        assertEquals(400, autosave(drafter, "/settings", "/posts", Map.of("body", "not a writing form")).statusCode());
        assertEquals(400, autosave(drafter, "/posts/new", "/posts", storyFields("Title with a\u0000NUL", "text")).statusCode());

        for (int i = 1; i < limits.drafts().perMember(); i++) {
            assertEquals(204, autosave(drafter, "/comments/" + (900_000 + i) + "/reply", "/posts",
                    Map.of("body", "reply " + i)).statusCode());
        }
        Response over = autosave(drafter, "/comments/999999/reply", "/posts", Map.of("body", "one too many"));
        assertEquals(422, over.statusCode());
        assertTrue(over.asString().contains("You already keep 50 drafts"), over.asString());
        assertEquals(204, autosave(drafter, "/comments/900001/reply", "/posts", Map.of("body", "replacing is fine")).statusCode());
    }

    @Test
    void aFormSentAfterTheLoginRanOutIsKeptAndComesBackOnlyToItsWriterAfterLogin() {
        PageForms.Csrf csrf = PageForms.csrf(drafter, "/posts/new", "/posts");
        String seal = PageForms.html(as(drafter).get("/posts/new")).select("input[name=draft-owner]").val();
        Map<String, Object> fields = storyFields("Written while the login ran out", STORY);
        fields.putAll(csrf.fields());
        fields.put("draft-owner", seal);
        fields.put("draft-form", "/posts/new");

        // No session any more: the login server's redirect becomes a 307 that re-sends the form to this site.
        Response lapsed = csrf.applyTo(given()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields).post("/posts");
        assertEquals(307, lapsed.statusCode(), lapsed.asString());
        assertEquals("/drafts/lapsed", lapsed.getHeader("Location"));

        // A session cookie whose tokens cannot be used any more: quarkus-oidc's empty 401 becomes the same 307.
        Response unusable = csrf.applyTo(given()).redirects().follow(false).cookie("q_session", "no-longer-usable")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields).post("/posts");
        assertEquals(307, unusable.statusCode(), unusable.asString());
        assertEquals("/drafts/lapsed", unusable.getHeader("Location"));

        Response kept = resend(csrf, fields);
        assertEquals(200, kept.statusCode(), kept.asString());
        assertEquals("Your login ran out", PageForms.html(kept).select("h1").text());
        assertTrue(PageForms.html(kept).text().contains("Your text is kept"));
        String key = kept.getCookie(DraftPages.KEPT_COOKIE);
        assertNotNull(key);

        // Someone else logging in on that browser gets nothing of it.
        Response other = as(peeker).cookie(DraftPages.KEPT_COOKIE, key).redirects().follow(false).get("/drafts/claim");
        assertEquals("/drafts", java.net.URI.create(other.getHeader("Location")).getPath());
        assertFalse(as(peeker).get("/posts/new").asString().contains("Written while the login ran out"));

        Response claimed = as(drafter).cookie(DraftPages.KEPT_COOKIE, key).redirects().follow(false).get("/drafts/claim");
        assertEquals(303, claimed.statusCode());
        assertEquals("/posts/new", java.net.URI.create(claimed.getHeader("Location")).getPath());
        Document form = PageForms.html(as(drafter).get("/posts/new"));
        assertEquals("Written while the login ran out", form.select("#field-title").val());
        assertEquals(STORY, form.select("#field-body").first().wholeText());
        assertEquals("HELPED", form.select("select[name='remedy.heat'] option[selected]").val());
        assertTrue(form.select("input[name=condition][value=sciatica]").hasAttr("checked"));

        // Claimed once: the key holds nothing more.
        as(drafter).cookie(DraftPages.KEPT_COOKIE, key).get("/drafts/claim");
        assertEquals(1, PageForms.html(as(drafter).get("/drafts")).select(".draft-list li").size());
    }

    @Test
    void aFormWithoutAGenuineOwnerSealIsNotKept() {
        PageForms.Csrf csrf = PageForms.csrf(drafter, "/posts/new", "/posts");
        String seal = PageForms.html(as(drafter).get("/posts/new")).select("input[name=draft-owner]").val();
        Map<String, Object> fields = storyFields("A forged owner", "Planted text");
        fields.putAll(csrf.fields());
        fields.put("draft-form", "/posts/new");
        fields.put("draft-owner", (Long.parseLong(seal.substring(0, seal.indexOf('.'))) + 1) + seal.substring(seal.indexOf('.')));

        Response answer = resend(csrf, fields);
        assertEquals(200, answer.statusCode());
        assertTrue(PageForms.html(answer).text().contains("this was not done"), answer.asString());
        assertEquals(null, answer.getCookie(DraftPages.KEPT_COOKIE));

        Response crossSite = csrf.applyTo(given()).redirects().follow(false).header("Origin", "http://evil.example")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields).post("/drafts/lapsed");
        assertEquals(403, crossSite.statusCode());
    }

    private static Response resend(PageForms.Csrf csrf, Map<String, Object> fields) {
        return csrf.applyTo(given()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields).post("/drafts/lapsed");
    }

    private static Map<String, Object> storyFields(String title, String body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "QUESTION");
        fields.put("title", title);
        fields.put("body", body);
        fields.put("condition", List.of("sciatica", "herniated-disc"));
        fields.put("remedy.heat", "HELPED");
        fields.put("remedy.short-rest", "WORSE");
        return fields;
    }

    /** What js/drafts.js sends as the member types: the form's fields and its CSRF fields. */
    private static Response autosave(String user, String formPage, String formAction, Map<String, ?> fields) {
        Map<String, Object> sent = new LinkedHashMap<>(fields);
        sent.put(DraftPages.FORM_FIELD, formPage);
        return PageForms.submit(user, "/posts/new", "/posts", "/drafts", sent);
    }

    private static long newPost(String user) {
        return ((Number) as(user).contentType("application/json").body("""
                {"kind": "QUESTION", "title": "Does heat help a spasm?", "body": "Asking for the drafts test.", "conditions": ["muscle-spasm"]}""")
                .post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }
}

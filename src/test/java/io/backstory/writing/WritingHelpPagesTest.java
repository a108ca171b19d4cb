package io.backstory.writing;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The post form's writing helpers without JavaScript (the buttons the script takes over send the same fields): tag
 * suggestions with their sentences, accepting and setting them aside, the safety check right under the text, the
 * remedy picker as one list, and the live fragment the script shows.
 */
@QuarkusTest
class WritingHelpPagesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    private static final String BODY = "My heating pad helped the most in the first week.\n\n"
            + "Ice didn't help at all. The pain went down my leg like sciatica.";

    @Inject
    EntityManager em;

    private long posts() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from post")
                .getSingleResult()).longValue());
    }

    private static Map<String, Object> story(Object... more) {
        Map<String, Object> fields = new HashMap<>(Map.of("kind", "STORY", "title", "A week with a heating pad",
                "body", BODY));
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return fields;
    }

    private static Element suggestion(Document page, String key) {
        return page.selectFirst("#writing-help [data-suggestion=" + key + "]");
    }

    @Test
    void suggestTagsShowsEachTagWithItsSentenceAndSavesNothing() {
        long before = posts();
        Response answer = PageForms.submit(bob, "/posts/new", "/posts", story("suggest", "1"));
        assertEquals(200, answer.statusCode());
        Document page = PageForms.html(answer);
        Element heat = suggestion(page, "remedy:heat");
        assertEquals("My heating pad helped the most in the first week.", heat.selectFirst("q").text());
        assertTrue(heat.text().contains("Heat"), heat.text());
        assertFalse(heat.selectFirst("button[value=remedy:heat:HELPED]").hasClass("outline"), "helped is the likely one");
        Element ice = suggestion(page, "remedy:ice");
        assertTrue(ice.selectFirst("button[value=remedy:ice:HELPED]").hasClass("outline"));
        assertFalse(ice.selectFirst("button[value=remedy:ice:NO_CHANGE]").hasClass("outline"), "ice did not help");
        assertNotNull(suggestion(page, "condition:sciatica"));
        assertEquals("/posts#writing-help", heat.selectFirst("button").attr("formaction"));
        assertEquals(BODY, page.selectFirst("textarea[name=body]").wholeText().replace("\r\n", "\n"));
        assertNull(page.selectFirst("#writing-help .verdict"), "suggesting is not the safety check");
        assertEquals(before, posts());
    }

    @Test
    void acceptingSetsTheTagAndNotThisKeepsASuggestionAway() {
        Document accepted = PageForms.html(PageForms.submit(bob, "/posts/new", "/posts",
                story("accept", "remedy:ice:NO_CHANGE", "condition", "herniated-disc")));
        assertEquals("NO_CHANGE", accepted.selectFirst("select[name=remedy.ice] option[selected]").val());
        assertNull(suggestion(accepted, "remedy:ice"), "a tagged remedy is not suggested again");
        assertNotNull(suggestion(accepted, "remedy:heat"));
        assertTrue(accepted.selectFirst("input[name=condition][value=herniated-disc]").hasAttr("checked"));

        Document condition = PageForms.html(PageForms.submit(bob, "/posts/new", "/posts",
                story("accept", "condition:sciatica")));
        assertTrue(condition.selectFirst("input[name=condition][value=sciatica]").hasAttr("checked"));

        Document dismissed = PageForms.html(PageForms.submit(bob, "/posts/new", "/posts", story("dismiss", "remedy:heat")));
        assertNull(suggestion(dismissed, "remedy:heat"));
        assertEquals("remedy:heat", dismissed.selectFirst("#writing-help input[type=hidden][name=ignored]").val());
        Document later = PageForms.html(PageForms.submit(bob, "/posts/new", "/posts",
                story("suggest", "1", "ignored", "remedy:heat")));
        assertNull(suggestion(later, "remedy:heat"), "what was set aside stays away");
        assertNotNull(suggestion(later, "remedy:ice"));
    }

    @Test
    void theSafetyCheckSitsUnderTheTextAboveTheTagsAndSave() {
        Response answer = PageForms.submit(bob, "/posts/new", "/posts", story("preview", "1", "body",
                "I have numbness in my groin today."));
        assertEquals(200, answer.statusCode());
        Document page = PageForms.html(answer);
        Element form = page.selectFirst("form.post-form");
        List<Element> parts = form.select("textarea[name=body], #writing-help .verdict, #field-conditions, button:not([name])");
        assertEquals("body", parts.get(0).attr("name"));
        assertTrue(parts.get(1).hasClass("verdict"), "the verdict comes right after the text");
        assertEquals("field-conditions", parts.get(2).id());
        assertEquals("Save", parts.get(3).text());
        assertTrue(page.selectFirst("#writing-help .verdict .urgent-care[role=alert]").text().contains("emergency care"));
        assertEquals("/posts#writing-help", page.selectFirst("button[name=preview]").attr("formaction"),
                "without JavaScript, Check reloads to the verdict");
    }

    @Test
    void theRemedyPickerIsOneFilterableListWithoutCollapsedGroups() {
        Document page = PageForms.html(as(bob).when().get("/posts/new"));
        Element picker = page.selectFirst("#field-remedies");
        assertTrue(picker.select("details").isEmpty());
        long remedies = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from remedy").getSingleResult()).longValue()); // other tests approve new remedies
        assertEquals(remedies, picker.select("select[name^=remedy.]").size(), "every remedy, in one list");
        assertNotNull(picker.selectFirst("input[type=search][data-filter-for=field-remedies]"));
        Element mckenzie = picker.selectFirst("select[name=remedy.mckenzie]").parent();
        assertTrue(mckenzie.attr("data-pick").startsWith("McKenzie"), mckenzie.attr("data-pick"));
    }

    @Test
    void theLiveFragmentCarriesTheCheckTheSuggestionsAndTheRenderedText() {
        PageForms.Csrf csrf = PageForms.csrf(bob, "/posts/new", "/posts");
        Response fragment = csrf.applyTo(as(bob)).contentType("application/x-www-form-urlencoded")
                .formParam("title", "Walking and Advil").formParam("body", "Walking every day helped. **Advil** made no difference.")
                .formParam("ignored", "remedy:walking")
                .when().post("/posts/preview?for=/posts/12/edit");
        assertEquals(200, fragment.statusCode());
        Document html = PageForms.html(fragment);
        assertNotNull(html.selectFirst("#writing-help .verdict"));
        assertNull(suggestion(html, "remedy:walking"));
        Element nsaids = suggestion(html, "remedy:nsaids");
        assertFalse(nsaids.selectFirst("button[value=remedy:nsaids:NO_CHANGE]").hasClass("outline"));
        assertEquals("/posts/12/edit#writing-help", nsaids.selectFirst("button").attr("formaction"));
        assertEquals("Advil", html.selectFirst("#live-preview .body strong").text());

        Document elsewhere = PageForms.html(csrf.applyTo(as(bob)).contentType("application/x-www-form-urlencoded")
                .formParam("title", "t").formParam("body", "Advil helped.").when()
                .post("/posts/preview?for=https://evil.example/"));
        assertEquals("/posts#writing-help", suggestion(elsewhere, "remedy:nsaids").selectFirst("button").attr("formaction"));
    }
}

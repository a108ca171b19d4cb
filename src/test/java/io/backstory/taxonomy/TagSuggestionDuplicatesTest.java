package io.backstory.taxonomy;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Moderators are warned when a suggested tag looks like an existing condition or remedy or another suggestion. */
@QuarkusTest
class TagSuggestionDuplicatesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String modauthor1 = TestUsers.newMember();

    private static long suggest(String user, String kind, String name) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", kind, "name", name, "category", "DEVICE"))
                .when().post("/api/v1/tag-suggestions").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void lookalikesAreNamedBesideEachSuggestion() {
        String tag = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        String user = modauthor1;
        long typo = suggest(user, "CONDITION", "Sciatca");
        long plural = suggest(user, "REMEDY", "Wobble cushions " + tag);
        long singular = suggest(user, "REMEDY", "wobble-cushion " + tag);
        long fresh = suggest(user, "REMEDY", "Zzyzx tape " + tag);

        Document page = PageForms.html(as(alice).when().get("/moderation/tags"));
        Element typoWarning = page.selectFirst("#suggestion-" + typo + " .lookalikes");
        assertTrue(typoWarning.text().contains("an existing condition: Sciatica"), typoWarning.text());
        assertEquals("/conditions/sciatica", typoWarning.selectFirst("a").attr("href"));
        Element pluralWarning = page.selectFirst("#suggestion-" + plural + " .lookalikes");
        assertTrue(pluralWarning.text().contains("another waiting suggestion: wobble-cushion " + tag), pluralWarning.text());
        assertEquals("#suggestion-" + singular, pluralWarning.selectFirst("a").attr("href"));
        assertNull(page.selectFirst("#suggestion-" + fresh + " .lookalikes"), "no warning for a new name");

        Element form = page.selectFirst("#suggestion-" + fresh + " form");
        Element approve = form.selectFirst("button[value=approve]");
        Element reject = form.selectFirst("button[value=reject]");
        assertTrue(approve.hasClass("approve") && reject.hasClass("danger"), "approve and reject look different");
        assertTrue(reject.attr("data-confirm").startsWith("Reject the suggestion"), "rejecting asks first");
    }
}

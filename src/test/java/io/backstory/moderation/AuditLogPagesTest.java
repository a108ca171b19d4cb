package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.backstory.platform.api.PageSizes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The audit log a page at a time, filtered by moderator, action, dates, posts or comments, and one item. */
@QuarkusTest
class AuditLogPagesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();

    @Inject
    PageSizes pageSizes;

    @Test
    void theLogIsPagedAndFiltered() {
        String condition = ModeratorFlowTest.condition(alice);
        // 26 held posts (26 automatic steps) and 26 approvals by alice: more than one page of alice's steps today.
        // Three authors, nine posts each at most, to stay under the hourly limit.
        List<String> authors = List.of(TestUsers.newMember(), TestUsers.newMember(), TestUsers.newMember());
        long lastItem = 0;
        for (int i = 0; i < 26; i++) {
            long post = ModeratorFlowTest.post(authors.get(i / 9), condition, "Held for the log " + i,
                    "Walking. Also just take double the ibuprofen.");
            lastItem = ((Number) as(alice).when().get("/api/v1/moderation/queue?condition=" + condition).then()
                    .extract().jsonPath().getList("findAll { it.targetId == " + post + " }.id").get(0)).longValue();
            as(alice).contentType("application/json").body(Map.of("action", "APPROVE", "version", 0))
                    .when().post("/api/v1/moderation/items/" + lastItem + "/actions").then().statusCode(200);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Document first = ModeratorFlowTest.page(alice, "/moderation/log?from=" + today + "&to=" + today);
        assertEquals(pageSizes.auditLog(), first.select("ol.audit-log > li").size(), "one page holds 50 steps");
        var older = first.selectFirst("nav.pages a[rel=next]");
        assertNotNull(older, "a link to the older steps");
        assertTrue(older.attr("href").contains("from=" + today) && older.attr("href").contains("to=" + today)
                && older.attr("href").endsWith("page=2"), "the link keeps the filters: " + older.attr("href"));
        Document second = ModeratorFlowTest.page(alice, older.attr("href"));
        assertTrue(!second.select("ol.audit-log > li").isEmpty());
        assertNotNull(second.selectFirst("nav.pages a[rel=prev]"), "and back to the newer ones");

        Document approvals = ModeratorFlowTest.page(alice, "/moderation/log?moderator=" + alice + "&action=APPROVE&from=" + today);
        List<String> steps = approvals.select("ol.audit-log > li > p:first-child strong").eachText();
        assertTrue(steps.size() >= 26, steps.toString());
        assertTrue(steps.stream().allMatch("Approved"::equals), steps.toString());
        assertTrue(approvals.select("ol.audit-log .meta").eachText().stream().allMatch(meta -> meta.contains("by " + alice)));
        assertEquals("Approved", approvals.selectFirst("#action option[selected]").text(), "the filters are kept on the page");
        assertEquals(alice, approvals.selectFirst("#moderator option[selected]").text());

        Document oneItem = ModeratorFlowTest.page(alice, "/moderation/log?item=" + lastItem);
        assertEquals(List.of("Approved", "Held back by the safety check"),
                oneItem.select("ol.audit-log > li > p:first-child strong").eachText(), "one item's steps, newest first");
        assertTrue(oneItem.selectFirst("ol.audit-log .meta a").text().startsWith("the post \"Held for the log 25"),
                "each step names its post, not a number");

        Document automatic = ModeratorFlowTest.page(alice, "/moderation/log?moderator=automatic&target=post&item=" + lastItem);
        assertEquals(List.of("Held back by the safety check"),
                automatic.select("ol.audit-log > li > p:first-child strong").eachText());
        Document comments = ModeratorFlowTest.page(alice, "/moderation/log?target=comment&item=" + lastItem);
        assertTrue(comments.select("ol.audit-log > li").isEmpty(), "the item is about a post");

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        Document future = ModeratorFlowTest.page(alice, "/moderation/log?from=" + tomorrow);
        assertEquals("No steps match.", future.selectFirst("p.empty").text());

        Response backwards = as(alice).when().get("/moderation/log?from=" + tomorrow + "&to=" + today + "&moderator=" + alice);
        assertEquals(400, backwards.statusCode());
        Document refused = PageForms.html(backwards);
        assertTrue(refused.selectFirst(".form-errors").text().contains("the last day must not be before the first day"));
        assertEquals(tomorrow, refused.selectFirst("#from").val(), "the filters as typed are kept");
        Response badDay = as(alice).when().get("/moderation/log?from=2026-13-45");
        assertEquals(400, badDay.statusCode());
        assertTrue(PageForms.html(badDay).selectFirst(".form-errors").text().contains("year-month-day"));
    }
}

package io.backstory.writing;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * "Quote" starts a reply with the comment quoted; @handles in published posts and comments tell those members once,
 * not from inside a quote, not the writer, not a silenced member.
 */
@QuarkusTest
class QuotesAndMentionsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Inject
    EntityManager em;

    private static String handle(String user) {
        return as(user).when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
    }

    private static long post(String user, String title, String body) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", "QUESTION", "title", title,
                "body", body, "conditions", List.of("sciatica"))).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long comment(String user, long post, String body) {
        return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
    }

    /** The user's mention notifications about this post's title. */
    private static List<String> mentions(String user, String title) {
        List<Map<String, Object>> all = as(user).when().get("/api/v1/me/notifications").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(n -> "MENTION".equals(n.get("kind")) && ((String) n.get("text")).contains(title))
                .map(n -> (String) n.get("text")).toList();
    }

    @Test
    void quoteStartsTheReplyWithTheCommentQuoted() {
        long post = post(bob, "Quote probe " + System.nanoTime(), "Does heat help?");
        long answer = comment(carol, post, "Heat helped me.\n\nWalking too.");
        var page = PageForms.html(as(bob).when().get("/posts/" + post));
        // "Quote" is on the comment's reply page (a thread does not repeat it beside every "Reply").
        String replyLink = page.selectFirst("#c" + answer + " a[href$=/reply]").attr("href");
        String quoteLink = PageForms.html(as(bob).when().get(replyLink)).selectFirst("main a[href*=quote]").attr("href");
        var form = PageForms.html(as(bob).when().get(quoteLink.replaceAll("#.*", "")));
        assertEquals("> Heat helped me.\n>\n> Walking too.\n\n",
                form.selectFirst("textarea[name=body]").wholeText().replace("\r\n", "\n"));
        assertEquals(String.valueOf(answer), form.selectFirst("input[name=parentId]").val());
        assertEquals(303, PageForms.submit(bob, "/comments/" + answer + "/reply?quote=true", "/posts/" + post + "/comments",
                Map.of("parentId", answer, "body", "> Heat helped me.\n\nThanks, trying it.")).statusCode());
    }

    @Test
    void mentionedMembersHearOnceAndNotFromQuotes() {
        String alice = handle(this.alice);
        String bob = handle(this.bob);
        String admin = handle(this.admin);
        String title = "Mention probe " + System.nanoTime();
        long post = post(carol, title, "Asking @" + alice + " in the post.");
        assertEquals(1, mentions(alice, title).size());
        assertTrue(mentions(alice, title).get(0).contains("mentioned you in the post"), mentions(alice, title).toString());

        long reply = comment(carol, post, "@" + bob + " and @" + bob.toUpperCase() + " again, and me: @" + handle(carol)
                + "\n\n> @" + admin + " said this once");
        assertEquals(1, mentions(bob, title).size(), "one notification per comment");
        assertTrue(mentions(admin, title).isEmpty(), "a mention inside a quote tells nobody");
        assertTrue(mentions(carol, title).isEmpty(), "nobody hears about naming themselves");

        int version = as(carol).when().get("/api/v1/comments/" + reply).then().statusCode(200).extract().path("version");
        as(carol).contentType(ContentType.JSON).body(Map.of("body", "@" + bob + " edited, still you", "version", version))
                .when().put("/api/v1/comments/" + reply).then().statusCode(200);
        assertEquals(1, mentions(bob, title).size(), "an edit does not tell them again");
        assertEquals(1, mentions(alice, title).size());

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set silenced_until = now() + interval '1 hour' where lower(handle) = lower(?1)")
                .setParameter(1, admin).executeUpdate());
        try {
            comment(carol, post, "What do you think, @" + admin + "?");
            assertTrue(mentions(admin, title).isEmpty(), "a silenced member is not pulled into threads");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update member set silenced_until = null where lower(handle) = lower(?1)")
                    .setParameter(1, admin).executeUpdate());
        }
        comment(carol, post, "Now you, @" + admin + ".");
        assertEquals(1, mentions(admin, title).size());
        var page = PageForms.html(as(admin).when().get("/notifications"));
        assertTrue(page.select(".notifications li:contains(" + title + ") .kind").text().contains("Mention"));
    }
}

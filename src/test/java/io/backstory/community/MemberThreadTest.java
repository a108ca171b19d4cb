package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.ProductionLike;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Members share one render of a thread (cached, as in production) with each one's state laid over it: their votes
 * pressed, their own comments' edit links, the asker's accepted-answer buttons. Two members and a visitor read the same
 * thread between each other's votes, and nobody ever sees another's state.
 */
@QuarkusTest
@TestProfile(ProductionLike.class)
class MemberThreadTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Test
    void twoMembersAndAVisitorReadTheSameThreadBetweenEachOthersVotesAndSeeOnlyTheirOwnState() {
        long question = Posts.create(this.bob, Posts.STORY.replace("\"STORY\"", "\"QUESTION\"")
                .replace("Threw my back out lifting a suitcase", "Shared thread question " + System.nanoTime()));
        long alices = Posts.comment(this.alice, question, null, "Walking every hour helped me.");
        long admins = Posts.comment(this.admin, question, alices, "Heat before walking helped me.");
        long bobs = Posts.comment(this.bob, question, null, "Thanks, both of you.");
        long others = Posts.comment(this.carol, question, null, "Swimming, slowly.");
        String path = "/posts/" + question;

        // Everyone reads first, so the shared renders exist before anyone votes.
        Document visitor = page(null, path);
        page(this.alice, path);
        page(this.admin, path);
        assertNull(visitor.selectFirst("form#votes"), "a visitor gets no vote form");
        assertTrue(visitor.select("button[form]").isEmpty() && visitor.select("a[href$=/flag]").isEmpty());

        vote(this.alice, question, others, 1);
        vote(this.alice, question, admins, -1);
        Document admin = page(this.admin, path);
        vote(this.admin, question, others, -1);
        Document alice = page(this.alice, path);
        Document bob = page(this.bob, path);
        visitor = page(null, path);

        // Votes: each member sees only their own pressed; the visitor sees no buttons at all.
        assertEquals(Map.of(others, "up", admins, "down"), pressed(alice));
        assertEquals(Map.of(), pressed(admin), "admin had not voted when he read");
        assertEquals(Map.of(others, "down"), pressed(page(this.admin, path)));
        assertEquals(Map.of(), pressed(bob));
        assertTrue(visitor.select("button").stream().noneMatch(b -> b.hasAttr("form")), "no accept buttons for a visitor");
        assertTrue(visitor.select("ol.thread button").isEmpty(), "no vote buttons for a visitor");
        // Where a member voted, the points are counted now (the shared render's may lag by the cache's lifetime).
        assertEquals("0 points", points(alice, others));
        assertEquals("-1 point", points(alice, admins));

        // Nobody gets vote buttons or a flag link on their own comment, and everybody on the others'.
        assertEquals(List.of(admins, bobs, others), voteButtonsOn(alice));
        assertEquals(List.of(alices, bobs, others), voteButtonsOn(admin));
        assertEquals(List.of(alices, admins, others), voteButtonsOn(bob));
        assertEquals(List.of(admins, bobs, others), flagLinksOn(alice));

        // Edit and delete links only on one's own comment.
        assertEquals(List.of(alices), editLinksOn(alice));
        assertEquals(List.of(admins), editLinksOn(admin));
        assertEquals(List.of(bobs), editLinksOn(bob));
        assertEquals(List.of(), editLinksOn(visitor));

        // The accepted-answer buttons and their form are the asker's alone.
        assertEquals(List.of(alices, admins, others), acceptButtonsOn(bob));
        assertNotNull(bob.selectFirst("form#accept"));
        assertEquals(List.of(), acceptButtonsOn(alice));
        assertNull(alice.selectFirst("form#accept"));
        assertEquals(List.of(), acceptButtonsOn(visitor));

        // Each member's form carries their own CSRF fields, never another's.
        String alicesSession = alice.selectFirst("form#votes input[name=csrf-session]").val();
        assertFalse(admin.html().contains(alicesSession) || bob.html().contains(alicesSession)
                || visitor.html().contains(alicesSession));

        // The post itself comes from the shared read model too, with its tallies as of now for members.
        assertEquals(303, PageForms.submit(this.alice, path, "/posts/" + question + "/vote", Map.of("value", 1)).statusCode());
        Document afterPostVote = page(this.alice, path);
        assertEquals("true", afterPostVote.selectFirst("#vote-posts-" + question + "-up").attr("aria-pressed"));
        assertTrue(afterPostVote.selectFirst("#points-posts-" + question).text().startsWith("1 point (1 up, 0 down)"),
                afterPostVote.selectFirst("#points-posts-" + question).text());
        assertEquals("false", page(this.admin, path).selectFirst("#vote-posts-" + question + "-up").attr("aria-pressed"));

        // The asker's choice shows to everyone; the button to undo it to the asker only.
        assertEquals(303, PageForms.submit(this.bob, path, "/posts/" + question + "/accepted-answer",
                Map.of("commentId", admins)).statusCode());
        bob = page(this.bob, path);
        assertEquals("Unmark as the answer", bob.selectFirst("#c" + admins + " button[form=accept]").text());
        assertEquals("Accepted answer", page(this.alice, path).selectFirst("#c" + admins + " .badge").text());
        assertEquals(List.of(), acceptButtonsOn(page(this.alice, path)));
    }

    @Test
    void votingWithoutJavaScriptSendsTheFormAroundTheThreadAndComesBackToTheComment() {
        long post = Posts.story(this.bob, "Voting without scripts " + System.nanoTime());
        long comment = Posts.comment(this.admin, post, null, "Gentle stretching in the morning.");
        Document page = page(this.alice, "/posts/" + post);
        Element up = page.selectFirst("#c" + comment + " button[name=u" + comment + "]");
        assertEquals("votes", up.closest("form").id(), "the button submits the form around the thread");
        assertEquals("/posts/" + post + "/comment-votes", up.closest("form").attr("action"));
        // Named by the page's label and the comment's meta line: what it does, and to whose comment.
        assertEquals("vu m" + comment, up.attr("aria-labelledby"));
        assertEquals("Vote up the comment by", page.getElementById("vu").text());
        assertTrue(page.getElementById("m" + comment).text().startsWith(this.admin), page.getElementById("m" + comment).text());

        var answer = PageForms.submit(this.alice, "/posts/" + post, "/posts/" + post + "/comment-votes",
                Map.of("u" + comment, ""));
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/posts/" + post + "#c" + comment), answer.header("Location"));
        Document after = page(this.alice, "/posts/" + post);
        Element pressed = after.selectFirst("#c" + comment + " button[aria-pressed=true]");
        assertEquals("w" + comment, pressed.attr("name"), "pressing it again withdraws the vote");
        assertEquals("wu m" + comment, pressed.attr("aria-labelledby"));
        assertEquals("Withdraw your up vote on the comment by", after.getElementById("wu").text());
        assertEquals("1 point", points(after, comment));

        assertEquals(303, PageForms.submit(this.alice, "/posts/" + post, "/posts/" + post + "/comment-votes",
                Map.of("w" + comment, "")).statusCode());
        assertEquals("0 points", points(page(this.alice, "/posts/" + post), comment));
        // A form without a vote button's name is refused with a readable answer, not an error.
        var refused = PageForms.submit(this.alice, "/posts/" + post, "/posts/" + post + "/comment-votes", Map.of("x1", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("press one comment&#39;s vote button")
                || refused.asString().contains("press one comment's vote button"), refused.asString());
    }

    @Test
    void aMemberWhoTakesAVoteBackSeesTheCountDropAtOnce() {
        long post = Posts.create(this.bob, Posts.STORY.replace("Threw my back out lifting a suitcase",
                "Taking a vote back " + System.nanoTime()));
        long comment = Posts.comment(this.carol, post, null, "Short walks, every hour, even in the rain.");
        String path = "/posts/" + post;
        vote(this.alice, post, comment, 1);
        // The shared render is made now, with alice's vote counted; votes do not renew it (the cache is on).
        assertEquals("1 point", page(null, path).selectFirst("#points-comments-" + comment).text());
        assertEquals("1 point", points(page(this.alice, path), comment));

        vote(this.alice, post, comment, 0);
        Document alice = page(this.alice, path);
        assertEquals(Map.of(), pressed(alice));
        assertEquals("0 points", points(alice, comment),
                "the member who took the vote back sees the count as it is now");
        assertEquals("0 points", points(page(this.admin, path), comment),
                "and so does every member");
    }

    @Test
    void readersWhoDidNotWriteThePostShareItsWholePageEachWithTheirOwnMenuFormsAndButtons() {
        long post = Posts.story(this.bob, "One page for its readers " + System.nanoTime());
        Posts.comment(this.admin, post, null, "Heat first, then a short walk.");
        String path = "/posts/" + post;
        page(this.alice, path); // the members' page is made now, on alice's request (she is a moderator)
        assertEquals(303, PageForms.submit(this.carol, path, path + "/bookmark", Map.of("save", "true")).statusCode());
        assertEquals(303, PageForms.submit(this.carol, path, path + "/vote", Map.of("value", -1)).statusCode());
        Document carol = page(this.carol, path);
        Document alice = page(this.alice, path);

        assertEquals(this.carol, carol.selectFirst("header a.handle").text());
        assertEquals(this.alice, alice.selectFirst("header a.handle").text());
        assertNull(carol.selectFirst("header a[href=/moderation]"), "the moderator's link is alice's alone");
        assertNotNull(alice.selectFirst("header a[href=/moderation]"));
        assertEquals("true", carol.selectFirst("#bookmark-" + post + " button").attr("aria-pressed"));
        assertEquals("false", alice.selectFirst("#bookmark-" + post + " button").attr("aria-pressed"));
        assertEquals("true", carol.selectFirst("#vote-posts-" + post + "-down").attr("aria-pressed"));
        assertEquals("false", alice.selectFirst("#vote-posts-" + post + "-down").attr("aria-pressed"));
        assertTrue(alice.selectFirst("#points-posts-" + post).text().startsWith("-1 point (0 up, 1 down)"),
                "carol's vote is counted for everyone at once: " + alice.selectFirst("#points-posts-" + post).text());

        // Every form carries its reader's own codes and the reply form their own seal; none are the other's.
        for (String field : List.of("csrf-session", "csrf-token", "draft-owner")) {
            Set<String> carols = Set.copyOf(carol.select("input[name=" + field + "]").eachAttr("value"));
            Set<String> alices = Set.copyOf(alice.select("input[name=" + field + "]").eachAttr("value"));
            assertEquals(1, carols.size(), field + ": " + carols);
            assertEquals(1, alices.size(), field + ": " + alices);
            if (!field.equals("csrf-token")) { // the token is the browser's (a cookie), the rest are the member's
                assertFalse(carol.html().contains(alices.iterator().next()), field);
                assertFalse(alice.html().contains(carols.iterator().next()), field);
            }
        }
        assertEquals(4, carol.select("input[name=csrf-session]").size(), "post vote, bookmark, reply and thread votes");
    }

    private static Document page(String user, String path) {
        return PageForms.html((user == null ? given() : as(user)).when().get(path).then().statusCode(200).extract().response());
    }

    /** {@code user} presses a comment's button as the thread's vote form sends it (u: up, d: down, w: withdraw). */
    private static void vote(String user, long post, long comment, int value) {
        assertEquals(303, PageForms.submit(user, "/posts/" + post, "/posts/" + post + "/comment-votes",
                Map.of((value == 1 ? "u" : value == -1 ? "d" : "w") + comment, "")).statusCode());
    }

    /** The comments with a pressed vote button, and which one ("up", "down"). */
    private static Map<Long, String> pressed(Document page) {
        return page.select("#votes button[aria-pressed=true]").stream()
                .collect(Collectors.toMap(b -> Long.parseLong(b.attr("name").substring(1)),
                        b -> b.attr("aria-labelledby").startsWith("wu ") ? "up" : "down"));
    }

    /**
     * A comment's points line as a member sees it: the last part of its meta line (m147), which a vote updates in
     * place; visitors' and authors' points have an id of their own.
     */
    private static String points(Document page, long comment) {
        return page.selectFirst("#m" + comment + " > span:last-child").text();
    }

    private static List<Long> voteButtonsOn(Document page) {
        return commentsHaving(page, "p.actions > button[aria-labelledby]");
    }

    private static List<Long> flagLinksOn(Document page) {
        return commentsHaving(page, "a[href$=/flag]");
    }

    private static List<Long> editLinksOn(Document page) {
        return commentsHaving(page, "a[href$=/edit]");
    }

    private static List<Long> acceptButtonsOn(Document page) {
        return commentsHaving(page, "button[form=accept]");
    }

    /** The comments (in page order) whose own article holds an element matching {@code selector}. */
    private static List<Long> commentsHaving(Document page, String selector) {
        return page.select("ol.thread li.comment").stream()
                .filter(li -> li.selectFirst("> article") != null && !li.select("> article").select(selector).isEmpty())
                .map(li -> Long.parseLong(li.id().substring(1))).sorted().toList();
    }
}

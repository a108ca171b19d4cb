package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CommentThreadTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    @Test
    void aFiveLevelThreadRendersNestedInOrderAndDeletingAMiddleCommentKeepsItsReplies() {
        long post = Posts.story(bob, "Five levels of replies about heat packs");
        List<Long> chain = new ArrayList<>();
        Long parent = null;
        for (int level = 1; level <= 5; level++) {
            parent = Posts.comment(level % 2 == 0 ? bob : alice, post, parent, "level " + level);
            chain.add(parent);
        }
        long laterTopLevel = Posts.comment(alice, post, null, "second top-level comment");

        Document page = page("/posts/" + post);
        Element level1 = page.selectFirst("ol.thread > li#c" + chain.get(0));
        assertNotNull(level1, "level 1 is a top-level comment");
        Element current = level1;
        for (int level = 2; level <= 5; level++) {
            Element child = current.selectFirst("> ol.replies > li#c" + chain.get(level - 1));
            assertNotNull(child, "level " + level + " nested directly under level " + (level - 1));
            assertEquals("level " + level, child.selectFirst(".body").text());
            current = child;
        }
        List<String> topLevelOrder = page.select("ol.thread > li").eachAttr("id");
        assertEquals(List.of("c" + chain.get(0), "c" + laterTopLevel), topLevelOrder, "older first until votes exist");

        as(bob).when().delete("/api/v1/comments/" + chain.get(2)).then().statusCode(403); // level 3 is alice's
        as(alice).when().delete("/api/v1/comments/" + chain.get(2)).then().statusCode(204);

        Document after = page("/posts/" + post);
        Element deleted = after.selectFirst("li#c" + chain.get(2));
        assertEquals("[deleted]", deleted.selectFirst("> .placeholder").text());
        assertNotNull(deleted.selectFirst("> ol.replies > li#c" + chain.get(3)), "level 4 still under the placeholder");
        assertNotNull(after.selectFirst("li#c" + chain.get(3) + " > ol.replies > li#c" + chain.get(4)), "and level 5 under it");
        given().when().get("/api/v1/posts/" + post).then().body("commentCount", equalTo(5));
        given().when().get("/api/v1/posts/" + post + "/comments")
                .then().body("[0].replies[0].replies[0].state", equalTo("DELETED"))
                .body("[0].replies[0].replies[0].bodyHtml", equalTo(""))
                .body("[0].replies[0].replies[0].replies[0].replies[0].bodyHtml", equalTo("<p>level 5</p>\n"));
    }

    @Test
    void membersReplyThroughThePageFormsWithoutJavaScript() {
        long post = Posts.story(bob, "A story replied to through the forms");
        io.restassured.response.Response top = io.backstory.platform.PageForms.submit(alice, "/posts/" + post,
                "/posts/" + post + "/comments", java.util.Map.of("body", "Top-level reply from the form", "remedy", "heat"));
        assertEquals(303, top.statusCode());
        long topId = Long.parseLong(top.header("Location").replaceAll(".*#c", ""));
        io.restassured.response.Response nested = io.backstory.platform.PageForms.submit(bob, "/comments/" + topId + "/reply",
                "/posts/" + post + "/comments", java.util.Map.of("body", "Nested reply from the reply page", "parentId", topId));
        assertEquals(303, nested.statusCode());
        Document page = page("/posts/" + post);
        assertEquals("Top-level reply from the form", page.selectFirst("li#c" + topId + " > article .body").text());
        assertEquals("Heat", page.selectFirst("li#c" + topId + " > article ul.tags a").text());
        assertEquals("Nested reply from the reply page", page.selectFirst("li#c" + topId + " > ol.replies > li .body").text());
    }

    @Test
    void thePostPagesCommentFormBringsItsRemedyListWhenAskedAndTheReplyPageOffersTheQuote() {
        long post = Posts.story(bob, "A story whose comment form leaves its remedy list out " + System.nanoTime());
        long comment = Posts.comment(TestUsers.newMember(), post, null, "Heat, then a short walk.");
        Document page = Jsoup.parse(as(alice).when().get("/posts/" + post).then().statusCode(200).extract().asString());
        Element picker = page.selectFirst("form.reply-form details.remedy-picker");
        assertTrue(picker.select("input[name=remedy]").isEmpty(), "the list is not in the page");
        assertEquals("/comments/remedy-picker", picker.attr("data-hx-get"), "htmx brings it in when opened");
        Document brought = Jsoup.parse(as(alice).when().get("/comments/remedy-picker").then().statusCode(200).extract().asString());
        assertTrue(brought.selectFirst("details.remedy-picker").hasAttr("open"));
        assertNotNull(brought.selectFirst("details.remedy-picker input[type=checkbox][name=remedy][value=heat]"));

        // Without JavaScript its button shows the form again with the list, and what the member wrote.
        io.restassured.response.Response shown = io.backstory.platform.PageForms.submit(alice, "/posts/" + post,
                "/posts/" + post + "/comments", java.util.Map.of("body", "Half-written thought", "show-remedies", "1"));
        assertEquals(200, shown.statusCode());
        Document again = Jsoup.parse(shown.asString());
        assertEquals("Half-written thought", again.selectFirst("form.reply-form textarea[name=body]").val());
        assertNotNull(again.selectFirst("form.reply-form details.remedy-picker input[name=remedy][value=heat]"));
        assertTrue(again.select(".field-error").isEmpty(), "asking for the list is no error");

        // "Quote" is on the reply page, not beside every comment's "Reply".
        assertTrue(page.select("#c" + comment + " a[href*=quote]").isEmpty());
        Document reply = Jsoup.parse(as(alice).when().get("/comments/" + comment + "/reply").then().statusCode(200).extract().asString());
        assertEquals("/comments/" + comment + "/reply?quote=true#reply-body", reply.selectFirst("main a[href*=quote=true]").attr("href"));
        Document quoting = Jsoup.parse(as(alice).when().get("/comments/" + comment + "/reply?quote=true").then().statusCode(200)
                .extract().asString());
        assertTrue(quoting.selectFirst("textarea[name=body]").val().startsWith("> Heat, then a short walk."),
                quoting.selectFirst("textarea[name=body]").val());
        assertTrue(quoting.select("main a[href*=quote=true]").isEmpty(), "no offer to quote what is quoted already");
    }

    @Test
    void deepThreadsContinueOnTheirOwnPage() {
        long post = Posts.story(bob, "A very long back-and-forth about walking");
        List<Long> chain = new ArrayList<>();
        Long parent = null;
        for (int level = 1; level <= CommentTree.MAX_DEPTH + 2; level++) {
            parent = Posts.comment(alice, post, parent, "depth " + level);
            chain.add(parent);
        }
        Document page = page("/posts/" + post);
        long lastShown = chain.get(CommentTree.MAX_DEPTH - 1);
        assertTrue(page.select("li#c" + chain.get(CommentTree.MAX_DEPTH)).isEmpty(), "deeper replies are not inline");
        Element link = page.selectFirst("li#c" + lastShown + " a.continue");
        assertEquals("/posts/" + post + "/comments/" + lastShown, link.attr("href"));

        Document thread = page(link.attr("href"));
        assertNotNull(thread.selectFirst("ol.thread > li#c" + lastShown + " > ol.replies > li#c" + chain.get(CommentTree.MAX_DEPTH)));
    }

    @Test
    void siblingsAreOrderedByBestOnceVotesExist() {
        CommentTree.Row old = row(1, 0, 0, 1_000);
        CommentTree.Row fewVotes = row(2, 3, 0, 2_000);
        CommentTree.Row manyVotes = row(3, 60, 5, 3_000);
        List<CommentNode> byTime = CommentTree.build(List.of(row(3, 0, 0, 3_000), row(1, 0, 0, 1_000)), null,
                CommentTree.Sort.BEST);
        assertEquals(List.of(1L, 3L), byTime.stream().map(CommentNode::id).toList());
        List<CommentNode> byBest = CommentTree.build(List.of(old, fewVotes, manyVotes), null, CommentTree.Sort.BEST);
        assertEquals(List.of(3L, 2L, 1L), byBest.stream().map(CommentNode::id).toList());
        List<CommentNode> newest = CommentTree.build(List.of(old, fewVotes, manyVotes), null, CommentTree.Sort.NEW);
        assertEquals(List.of(3L, 2L, 1L), newest.stream().map(CommentNode::id).toList());
        CommentTree.Row fewVotesLater = row(4, 3, 0, 4_000);
        List<CommentNode> top = CommentTree.build(List.of(old, fewVotesLater, manyVotes), null, CommentTree.Sort.TOP);
        assertEquals(List.of(3L, 4L, 1L), top.stream().map(CommentNode::id).toList());
    }

    private static CommentTree.Row row(long id, int up, int down, long epochSecond) {
        return new CommentTree.Row(id, null, CommentNode.State.VISIBLE, "someone", 1L, 0, "<p>x</p>", List.of(), up, down,
                java.time.Instant.ofEpochSecond(epochSecond), null, 0, List.of(), List.of());
    }

    private static Document page(String path) {
        return Jsoup.parse(given().when().get(path).then().statusCode(200).extract().asString());
    }
}

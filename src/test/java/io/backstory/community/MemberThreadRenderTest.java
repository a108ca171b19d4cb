package io.backstory.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.community.MemberThread.Varying;
import io.backstory.voting.VoteService;

/** How one member's state is laid over the members' shared render of a thread (plain strings, no template). */
class MemberThreadRenderTest {

    private static final CommentNode ALICES = node(1, "alice");
    private static final CommentNode BOBS = node(2, "bob");

    /** Two comments as the shared render marks them: alice's, and bob's with every varying part. */
    private static final String MARKED = "<ol>"
            + Varying.COMMENT.start(1) + "[alice's words]" + MemberThread.end()
            + Varying.COMMENT.start(2) + "[bob: " + Varying.POINTS.start(2) + "3 points" + MemberThread.end() + " "
            + Varying.VOTES.start(2) + "(none)" + MemberThread.next() + "(up)" + MemberThread.next() + "(down)"
            + MemberThread.end() + " " + Varying.ACCEPT.start(2) + "(accept)" + MemberThread.end() + "]"
            + MemberThread.end() + "</ol>";

    private static final MemberThread THREAD = MemberThread.parse(MARKED,
            CommentTree.layout(List.of(ALICES, BOBS)));

    private static CommentNode node(long id, String author) {
        return new CommentNode(id, null, CommentNode.State.VISIBLE, author, id, 0, "", List.of(), 0, 0, Instant.EPOCH,
                null, 1, List.of(), List.of(), List.of(), List.of());
    }

    private static String as(String handle, boolean asker, Map<Long, VoteService.Vote> votes) {
        return utf8(THREAD.render(new MemberThread.Overlay(handle, asker, votes,
                item -> "[" + item.node.author() + "'s own, rendered again]", score -> "now " + score, part -> "", part -> 0)));
    }

    /** The chunks of a render, as the text they make together. */
    private static String utf8(List<byte[]> chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chunks.forEach(bytes::writeBytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMemberWithoutVotesGetsTheSharedPartsAndNoAcceptButton() {
        assertEquals("<ol>[alice's words][bob: 3 points (none) ]</ol>", as("carol", false, Map.of()));
    }

    @Test
    void theMembersVotePicksItsVariantAndItsPointsAreCountedNow() {
        assertEquals("<ol>[alice's words][bob: now 4 (up) ]</ol>",
                as("carol", false, Map.of(2L, new VoteService.Vote(1, 5, 1))));
        assertEquals("<ol>[alice's words][bob: now -2 (down) ]</ol>",
                as("carol", false, Map.of(2L, new VoteService.Vote(-1, 0, 2))));
    }

    @Test
    void pointsThatChangedSinceTheRenderAreCountedNowWithoutTheMembersOwnVote() {
        // bob's comment was rendered with 0 points (the node's tallies); two votes came since.
        assertEquals("<ol>[alice's words][bob: now 2 (none) ]</ol>",
                as("carol", false, Map.of(2L, new VoteService.Vote(0, 2, 0))));
        assertEquals("<ol>[alice's words][bob: 3 points (none) ]</ol>",
                as("carol", false, Map.of(2L, new VoteService.Vote(0, 0, 0))), "unchanged: passed as rendered");
    }

    @Test
    void theAskerGetsTheAcceptButtonsAndAnAuthorTheirOwnCommentRenderedAgain() {
        assertEquals("<ol>[alice's own, rendered again][bob: 3 points (none) (accept)]</ol>", as("alice", true, Map.of()));
        assertEquals("<ol>[alice's words][bob's own, rendered again]</ol>", as("bob", false, Map.of()));
        assertEquals("<ol>[alice's words][bob: 3 points (none) ]</ol>", as(null, false, Map.of()), "no handle, no own comments");
    }

    @Test
    void textOutsideLatin1IsSentAsUtf8AndThePageAroundTakesTheThreadAtItsSlot() {
        MemberThread thread = MemberThread.parse("<p>Bien sûr ✓ 💪</p>", List.of());
        List<byte[]> body = thread.render(new MemberThread.Overlay(null, false, Map.of(), item -> "", score -> "", part -> "", part -> 0));
        assertEquals("<main>é <p>Bien sûr ✓ 💪</p> ü</main>", new String(
                SharedPart.splice("<main>é " + SharedPart.SLOT + " ü</main>", body).getBytes(), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> SharedPart.splice("<main></main>", body));
    }

    @Test
    void aScoreIsRenderedOncePerViewHoweverManyCommentsHaveIt() {
        String marked = "<ol>" + Varying.POINTS.start(1) + "x" + MemberThread.end() + Varying.POINTS.start(2) + "y"
                + MemberThread.end() + "</ol>";
        MemberThread thread = MemberThread.parse(marked, CommentTree.layout(List.of(node(1, "alice"), node(2, "bob"))));
        java.util.List<Integer> rendered = new java.util.ArrayList<>();
        List<byte[]> body = thread.render(new MemberThread.Overlay("carol", false,
                Map.of(1L, new VoteService.Vote(1, 3, 0), 2L, new VoteService.Vote(0, 3, 0)), item -> "",
                score -> { rendered.add(score); return "[" + score + "]"; }, part -> "", part -> 0));
        assertEquals("<ol>[3][3]</ol>", utf8(body));
        assertEquals(List.of(3), rendered);
    }

    @Test
    void membersGetTheSharedBytesThemselvesNotCopies() {
        MemberThread.Overlay carol = new MemberThread.Overlay("carol", false, Map.of(), item -> "", score -> "", part -> "", part -> 0);
        MemberThread.Overlay dave = new MemberThread.Overlay("dave", false, Map.of(), item -> "", score -> "", part -> "", part -> 0);
        List<byte[]> carols = THREAD.render(carol);
        List<byte[]> daves = THREAD.render(dave);
        assertEquals(carols.size(), daves.size());
        for (int i = 0; i < carols.size(); i++) {
            assertSame(carols.get(i), daves.get(i), "chunk " + i);
        }
    }

    @Test
    void thePagesPartsAreRenderedForEachMemberOnceEachAndWhatTheSharedRenderHeldThereIsDropped() {
        String marked = "<header>" + Varying.ACCOUNT.start() + "[the account menu of whoever rendered it]"
                + MemberThread.end() + "</header><form>" + Varying.FORM_CODES.start() + "[their codes]" + MemberThread.end()
                + "</form><form>" + Varying.FORM_CODES.start() + "[their codes]" + MemberThread.end() + "</form>" + MARKED;
        MemberThread page = MemberThread.parse(marked, CommentTree.layout(List.of(ALICES, BOBS)));
        List<Varying> asked = new java.util.ArrayList<>();
        String carols = utf8(page.render(new MemberThread.Overlay("carol", false, Map.of(), item -> "", score -> "",
                part -> { asked.add(part); return "(carol's " + part + ")"; }, part -> 0)));
        assertEquals("<header>(carol's ACCOUNT)</header><form>(carol's FORM_CODES)</form><form>(carol's FORM_CODES)</form>"
                + "<ol>[alice's words][bob: 3 points (none) ]</ol>", carols);
        assertEquals(List.of(Varying.ACCOUNT, Varying.FORM_CODES), asked, "each part once per view");
    }

    @Test
    void aChosenPartOfThePageIsTheVariantTheMembersStatePicksWithItsOwnRenderedPartsInside() {
        String marked = "<form>" + Varying.BOOKMARK.start() + "(save" + Varying.FORM_CODES.start() + "[codes]"
                + MemberThread.end() + ")" + MemberThread.next() + "(saved" + Varying.FORM_CODES.start() + "[codes]"
                + MemberThread.end() + ")" + MemberThread.end() + "</form>";
        MemberThread page = MemberThread.parse(marked, List.of());
        String saved = utf8(page.render(new MemberThread.Overlay("carol", false, Map.of(), item -> "", score -> "",
                part -> "{carol's codes}", part -> part == Varying.BOOKMARK ? 1 : -1)));
        assertEquals("<form>(saved{carol's codes})</form>", saved);
        assertEquals(true, page.shares("(saved"), "both variants are shared");
        assertEquals(false, page.shares("[codes]"), "the codes inside them are not");
    }

    @Test
    void whatTheSharedRenderHeldInThePagesPartsCountsAsNotShared() {
        String marked = "<form>" + Varying.FORM_CODES.start() + "[dave's codes]" + MemberThread.end() + "</form>" + MARKED;
        MemberThread page = MemberThread.parse(marked, CommentTree.layout(List.of(ALICES, BOBS)));
        assertEquals(false, page.shares("dave's codes"));
        assertEquals(true, page.shares("alice's words"));
        assertEquals(true, page.shares("(down)"), "every variant of a comment's part is sent to some member");
        assertEquals(true, MemberThread.parse("<form>[dave's codes]</form>", List.of()).shares("dave's codes"));
    }

    @Test
    void anUnclosedMarkIsAnError() {
        assertThrows(IllegalStateException.class, () -> MemberThread.parse("<ol>" + Varying.VOTES.start(2) + "(none)",
                CommentTree.layout(List.of(BOBS))));
    }
}

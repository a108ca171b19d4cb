package io.backstory.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.platform.errors.InvalidInputException;

/** The comment tree built from flat rows, its orders, its page layout and the API's bounded nesting; no Quarkus. */
class CommentTreeTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static CommentTree.Row row(long id, Long parent, CommentNode.State state, int up, int down, int minute) {
        return new CommentTree.Row(id, parent, state, "member" + id, id, 0, "<p>comment " + id + "</p>", List.of(), up, down,
                T0.plusSeconds(60L * minute), null, 1, List.of(), List.of());
    }

    private static CommentTree.Row visible(long id, Long parent, int minute) {
        return row(id, parent, CommentNode.State.VISIBLE, 0, 0, minute);
    }

    private static List<Long> ids(List<CommentNode> nodes) {
        return nodes.stream().map(CommentNode::id).toList();
    }

    @Test
    void repliesHangUnderTheirParentsAndTheBestOrderIsOldestFirstUntilAnyoneVotes() {
        List<CommentNode> roots = CommentTree.build(List.of(visible(3, null, 3), visible(1, null, 1), visible(2, 1L, 2)),
                null, CommentTree.Sort.BEST);
        assertEquals(List.of(1L, 3L), ids(roots));
        assertEquals(List.of(2L), ids(roots.get(0).replies()));
    }

    @Test
    void eachOrderSortsSiblings() {
        List<CommentTree.Row> rows = List.of(row(1, null, CommentNode.State.VISIBLE, 1, 0, 1),
                row(2, null, CommentNode.State.VISIBLE, 30, 2, 2), row(3, null, CommentNode.State.VISIBLE, 0, 4, 3));
        assertEquals(List.of(2L, 1L, 3L), ids(CommentTree.build(rows, null, CommentTree.Sort.BEST)));
        assertEquals(List.of(2L, 1L, 3L), ids(CommentTree.build(rows, null, CommentTree.Sort.TOP)));
        assertEquals(List.of(3L, 2L, 1L), ids(CommentTree.build(rows, null, CommentTree.Sort.NEW)));
    }

    @Test
    void aDeletedCommentStaysAsAPlaceholderOnlyWhileRepliesHangBelowIt() {
        List<CommentNode> roots = CommentTree.build(List.of(row(1, null, CommentNode.State.DELETED, 0, 0, 1),
                visible(2, 1L, 2), row(3, null, CommentNode.State.REMOVED, 0, 0, 3)), null, CommentTree.Sort.NEW);
        assertEquals(List.of(1L), ids(roots), "the removed comment without replies is gone");
        CommentNode placeholder = roots.get(0);
        assertNull(placeholder.author());
        assertEquals("", placeholder.bodyHtml());
        assertEquals(List.of(2L), ids(placeholder.replies()));
    }

    @Test
    void aHiddenCommentKeepsItsPlaceWithoutItsWordsAndAWaitingOneIsShownWhereItIsLoaded() {
        List<CommentNode> roots = CommentTree.build(List.of(row(1, null, CommentNode.State.HIDDEN, 0, 0, 1),
                row(2, null, CommentNode.State.WAITING, 0, 0, 2)), null, CommentTree.Sort.BEST);
        assertEquals(List.of(1L, 2L), ids(roots));
        assertEquals("", roots.get(0).bodyHtml());
        assertEquals("<p>comment 2</p>", roots.get(1).bodyHtml());
    }

    @Test
    void aBranchCanBeBuiltFromAnyComment() {
        List<CommentNode> branch = CommentTree.build(List.of(visible(1, null, 1), visible(2, 1L, 2), visible(3, 2L, 3)),
                1L, CommentTree.Sort.BEST);
        assertEquals(List.of(2L), ids(branch));
        assertEquals(List.of(3L), ids(branch.get(0).replies()));
    }

    /** A chain of {@code length} comments, each replying to the one before. */
    private static List<CommentNode> chain(int length) {
        List<CommentTree.Row> rows = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            rows.add(visible(i, i == 1 ? null : (long) i - 1, i));
        }
        return CommentTree.build(rows, null, CommentTree.Sort.BEST);
    }

    @Test
    void thePageShowsSixLevelsThenLinksToTheRestAndClosesEveryListItOpens() {
        List<CommentTree.Item> items = CommentTree.layout(chain(10));
        assertEquals(CommentTree.MAX_DEPTH, items.size());
        for (int depth = 0; depth < items.size(); depth++) {
            assertEquals(depth, items.get(depth).depth);
        }
        CommentTree.Item last = items.get(items.size() - 1);
        assertTrue(last.continueThread, "the last level links to the rest of the thread");
        assertEquals(false, last.opensReplies);
        int opened = (int) items.stream().filter(item -> item.opensReplies).count();
        assertEquals(opened, items.stream().mapToInt(item -> item.closes).sum(), "lists opened and closed");
    }

    @Test
    void theApiNestsSixLevelsAndGivesDeeperRepliesFlatInThreadOrder() {
        List<CommentNode> nested = CommentTree.nestForApi(chain(9));
        CommentNode node = nested.get(0);
        for (int level = 1; level < CommentTree.MAX_DEPTH; level++) {
            node = node.replies().get(0);
        }
        assertEquals(CommentTree.MAX_DEPTH, node.id());
        assertTrue(node.replies().isEmpty());
        assertEquals(List.of(7L, 8L, 9L), ids(node.deeperReplies()));
        assertTrue(node.deeperReplies().stream().allMatch(reply -> reply.replies().isEmpty()));
    }

    @Test
    void anOrderIsReadFromTheAddressAndAnUnknownOneIsRefused() {
        assertEquals(CommentTree.Sort.BEST, CommentTree.Sort.fromParameter(null));
        assertEquals(CommentTree.Sort.HOT, CommentTree.Sort.fromParameter(" Hot "));
        assertThrows(InvalidInputException.class, () -> CommentTree.Sort.fromParameter("oldest"));
    }
}

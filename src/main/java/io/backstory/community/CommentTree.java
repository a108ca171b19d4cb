package io.backstory.community;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backstory.voting.Ranking;

/** Builds a post's comment tree from flat rows, and lays it out for the page. */
final class CommentTree {

    /**
     * Levels shown on one page; deeper replies get a "continue this thread" link. The JSON API nests as many
     * (a JSON parser's nesting limit would break a deeper answer) and hands deeper replies flat.
     */
    static final int MAX_DEPTH = 6;

    private static final Comparator<CommentNode> BY_TIME = Comparator.comparing(CommentNode::createdAt)
            .thenComparing(CommentNode::id);
    private static final Comparator<CommentNode> BY_BEST = Comparator
            .comparingDouble((CommentNode c) -> -Ranking.wilsonLowerBound(c.upvotes(), c.downvotes()))
            .thenComparing(BY_TIME);

    /** Orders of the siblings in a thread; the default, BEST, falls back to oldest first until anyone votes. */
    public enum Sort {
        BEST(BY_BEST),
        TOP(Comparator.comparingInt((CommentNode c) -> -c.score()).thenComparing(BY_TIME)),
        NEW(BY_TIME.reversed()),
        HOT(Comparator.comparingDouble((CommentNode c) -> -Ranking.hot(c.score(), c.createdAt())).thenComparing(BY_TIME));

        final Comparator<CommentNode> order;

        Sort(Comparator<CommentNode> order) {
            this.order = order;
        }

        public String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Sort fromParameter(String value) {
            if (value == null || value.isBlank()) {
                return BEST;
            }
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(value.strip())) {
                    return sort;
                }
            }
            throw new io.backstory.platform.errors.InvalidInputException("sort", "must be best, top, new or hot");
        }
    }

    private CommentTree() {
    }

    /** A comment as loaded, before the tree is built. */
    record Row(long id, Long parentId, CommentNode.State state, String author, Long authorId, int authorHelped,
            String bodyHtml,
            List<Tag> remedies, int upvotes, int downvotes, java.time.Instant createdAt,
            java.time.Instant editedAt, int version, List<String> safetyNotices, List<String> urgentCare) {
    }

    /** The replies under {@code rootParentId} (null: the whole post), placeholders pruned where nothing hangs below. */
    static List<CommentNode> build(List<Row> rows, Long rootParentId, Sort sort) {
        Map<Long, List<Row>> byParent = new HashMap<>();
        for (Row row : rows) {
            byParent.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
        }
        return children(byParent, rootParentId, sort);
    }

    private static List<CommentNode> children(Map<Long, List<Row>> byParent, Long parentId, Sort sort) {
        List<CommentNode> nodes = new ArrayList<>();
        for (Row row : byParent.getOrDefault(parentId, List.of())) {
            List<CommentNode> replies = children(byParent, row.id(), sort);
            boolean visible = row.state() == CommentNode.State.VISIBLE || row.state() == CommentNode.State.WAITING;
            if (!visible && row.state() != CommentNode.State.HIDDEN && replies.isEmpty()) {
                continue;
            }
            nodes.add(new CommentNode(row.id(), row.parentId(), row.state(), visible ? row.author() : null,
                    visible ? row.authorId() : null, visible ? row.authorHelped() : 0, visible ? row.bodyHtml() : "",
                    visible ? row.remedies() : List.of(),
                    row.upvotes(), row.downvotes(), row.createdAt(), row.editedAt(), row.version(),
                    visible ? row.safetyNotices() : List.of(), visible ? row.urgentCare() : List.of(), replies,
                    List.of()));
        }
        boolean anyVotes = nodes.stream().anyMatch(n -> n.upvotes() + n.downvotes() > 0);
        nodes.sort(sort == Sort.BEST && !anyVotes ? BY_TIME : sort.order);
        return nodes;
    }

    /**
     * The thread as the JSON API gives it: nested {@link #MAX_DEPTH} levels deep; the replies below a comment on the
     * last level come flat in its {@code deeperReplies}, in thread order.
     */
    static List<CommentNode> nestForApi(List<CommentNode> roots) {
        return nest(roots, 1);
    }

    private static List<CommentNode> nest(List<CommentNode> nodes, int depth) {
        return nodes.stream().map(node -> depth < MAX_DEPTH
                ? node.withReplies(nest(node.replies(), depth + 1), List.of())
                : node.withReplies(List.of(), flatten(node.replies()))).toList();
    }

    /** Depth first, siblings in their order, so each reply comes after its parent; a loop, as chains can be long. */
    private static List<CommentNode> flatten(List<CommentNode> nodes) {
        List<CommentNode> flat = new ArrayList<>();
        Deque<CommentNode> next = new ArrayDeque<>(nodes);
        while (!next.isEmpty()) {
            CommentNode node = next.pop();
            flat.add(node.withReplies(List.of(), List.of()));
            for (int i = node.replies().size() - 1; i >= 0; i--) {
                next.push(node.replies().get(i));
            }
        }
        return flat;
    }

    /**
     * One comment in page order. The template opens a nested list after an item with replies and closes
     * {@code closes} levels after the last item of a subtree, so the page gets properly nested lists.
     */
    public static final class Item {
        public final CommentNode node;
        public final int depth;
        public final boolean opensReplies;
        public final boolean continueThread;
        public int closes;

        Item(CommentNode node, int depth, boolean opensReplies, boolean continueThread) {
            this.node = node;
            this.depth = depth;
            this.opensReplies = opensReplies;
            this.continueThread = continueThread;
        }
    }

    static List<Item> layout(List<CommentNode> roots) {
        List<Item> items = new ArrayList<>();
        layout(roots, 0, items);
        return items;
    }

    private static void layout(List<CommentNode> nodes, int depth, List<Item> items) {
        for (CommentNode node : nodes) {
            boolean hasReplies = !node.replies().isEmpty();
            boolean cut = hasReplies && depth == MAX_DEPTH - 1;
            items.add(new Item(node, depth, hasReplies && !cut, cut));
            if (hasReplies && !cut) {
                layout(node.replies(), depth + 1, items);
                items.get(items.size() - 1).closes++;
            }
        }
    }
}

package io.backstory.community;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A comment in its thread. A comment that was deleted (or taken down) but still has replies stays as a
 * placeholder with no author and no text, so the replies keep their place.
 */
public record CommentNode(long id,
        @Schema(description = "The comment replied to; null for a reply to the post") Long parentId,
        State state, String author, @JsonIgnore Long authorId,
        int authorHelped, String bodyHtml, List<Tag> remedies, int upvotes, int downvotes, Instant createdAt,
        Instant editedAt, int version, List<String> safetyNotices,
        @Schema(description = "Advice for red-flag symptoms the comment describes (get urgent care)") List<String> urgentCare,
        @Schema(description = "Replies, nested up to " + CommentTree.MAX_DEPTH + " levels from the top of the thread "
                + "(as on the page); on that last level always empty, see deeperReplies") List<CommentNode> replies,
        @Schema(description = "Only on the last nested level: every reply further down, flat, in thread order (each "
                + "after its parent); rebuild the tree from their parentId") List<CommentNode> deeperReplies) {

    /** This comment with the given replies below it (the API bounds the nesting, see {@link CommentTree#nestForApi}). */
    CommentNode withReplies(List<CommentNode> nested, List<CommentNode> deeper) {
        return new CommentNode(id, parentId, state, author, authorId, authorHelped, bodyHtml, remedies, upvotes, downvotes,
                createdAt, editedAt, version, safetyNotices, urgentCare, nested, deeper);
    }

    public enum State {
        VISIBLE, DELETED, REMOVED,
        /** Hidden by member flags until a moderator decides: its place stays, with a note saying so. */
        HIDDEN,
        /** Held for a moderator's check: shown to its author only (others see nothing, or a placeholder). */
        WAITING
    }

    public boolean isVisible() {
        return state == State.VISIBLE;
    }

    /** Its words are on the page: published, or its own author's while it waits for a moderator. */
    public boolean isShown() {
        return state == State.VISIBLE || state == State.WAITING;
    }

    public boolean isWaiting() {
        return state == State.WAITING;
    }

    public int score() {
        return upvotes - downvotes;
    }
}

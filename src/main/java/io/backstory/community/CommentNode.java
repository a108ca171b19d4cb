package io.backstory.community;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A comment in its thread. A comment that was deleted (or taken down) but still has replies stays as a
 * placeholder with no author and no text, so the replies keep their place.
 */
public record CommentNode(long id, Long parentId, State state, String author, @JsonIgnore Long authorId,
        int authorHelped, String bodyHtml, List<Tag> remedies, int upvotes, int downvotes, Instant createdAt,
        Instant editedAt, int version, List<String> safetyNotices, List<CommentNode> replies) {

    public enum State {
        VISIBLE, DELETED, REMOVED,
        /** Hidden by member flags until a moderator decides: its place stays, with a note saying so. */
        HIDDEN
    }

    public boolean isVisible() {
        return state == State.VISIBLE;
    }

    public int score() {
        return upvotes - downvotes;
    }
}

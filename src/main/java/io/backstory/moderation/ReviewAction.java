package io.backstory.moderation;

import java.util.Optional;

import io.backstory.platform.content.ContentStatus;
import io.backstory.moderation.model.ScreeningLessons;

/**
 * What a moderator decides about a review item, and the content status it leads to (null: decided by what the
 * item's flags did, see {@link DecisionRules#outcome}).
 */
public enum ReviewAction {
    APPROVE(ReviewItemStatus.APPROVED, ContentStatus.PUBLISHED, false, "Approve (publish)", "Approved"),
    APPROVE_WITH_NOTE(ReviewItemStatus.APPROVED, ContentStatus.PUBLISHED, false, "Approve with a safety note",
            "Approved with a safety note"),
    /** The moderator rewrites the unsafe part (a new revision in their name) and publishes the result. */
    EDIT_AND_APPROVE(ReviewItemStatus.APPROVED, ContentStatus.PUBLISHED, true, "Edit the text below and publish it",
            "Edited and published"),
    HIDE(ReviewItemStatus.HIDDEN, ContentStatus.HIDDEN, true, "Hide", "Hidden"),
    REMOVE(ReviewItemStatus.REMOVED, ContentStatus.REMOVED, true, "Remove", "Removed"),
    /** Undoes only what the flags did: a moderator's earlier decision stands. */
    DISMISS_FLAGS(ReviewItemStatus.DISMISSED, null, false, "Dismiss the flags (undoes only what they did)",
            "Flags dismissed");

    final ReviewItemStatus itemStatus;
    final ContentStatus contentStatus;
    /** Whether the flags were right: counts towards each flagger's record. */
    final boolean upholdsFlags;
    private final String label;
    private final String done;

    ReviewAction(ReviewItemStatus itemStatus, ContentStatus contentStatus, boolean upholdsFlags, String label, String done) {
        this.itemStatus = itemStatus;
        this.contentStatus = contentStatus;
        this.upholdsFlags = upholdsFlags;
        this.label = label;
        this.done = done;
    }

    /** The choice as the decision form offers it. */
    public String label() {
        return label;
    }

    /** The decision once taken, for the confirmation ("Hidden. Undo"). */
    public String done() {
        return done;
    }

    /**
     * Whether undo can put everything back. An edit replaced the text and the public history; taking it back is
     * another edit, so undo is not offered for it.
     */
    public boolean undoable() {
        return this != EDIT_AND_APPROVE;
    }

    /**
     * What the decision says of screening's suspicion, for the model to learn: hidden, removed or rewritten upholds it,
     * approved as it is or the flags dismissed overrules it; approved with a safety note says neither.
     */
    Optional<ScreeningLessons.Ruling> ruling() {
        return switch (this) {
            case HIDE, REMOVE, EDIT_AND_APPROVE -> Optional.of(ScreeningLessons.Ruling.UPHELD);
            case APPROVE, DISMISS_FLAGS -> Optional.of(ScreeningLessons.Ruling.OVERRULED);
            case APPROVE_WITH_NOTE -> Optional.empty();
        };
    }
}

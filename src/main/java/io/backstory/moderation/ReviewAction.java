package io.backstory.moderation;

import io.backstory.community.ContentStatus;

/**
 * What a moderator decides about a review item, and the content status it leads to (null: decided by what the
 * item's flags did, see {@link ReviewService}).
 */
public enum ReviewAction {
    APPROVE("APPROVED", ContentStatus.PUBLISHED, false),
    APPROVE_WITH_NOTE("APPROVED", ContentStatus.PUBLISHED, false),
    /** The moderator rewrites the unsafe part (a new revision in their name) and publishes the result. */
    EDIT_AND_APPROVE("APPROVED", ContentStatus.PUBLISHED, true),
    HIDE("HIDDEN", ContentStatus.HIDDEN, true),
    REMOVE("REMOVED", ContentStatus.REMOVED, true),
    /** Undoes only what the flags did: a moderator's earlier decision stands. */
    DISMISS_FLAGS("DISMISSED", null, false);

    final String itemStatus;
    final ContentStatus contentStatus;
    /** Whether the flags were right: counts towards each flagger's record. */
    final boolean upholdsFlags;

    ReviewAction(String itemStatus, ContentStatus contentStatus, boolean upholdsFlags) {
        this.itemStatus = itemStatus;
        this.contentStatus = contentStatus;
        this.upholdsFlags = upholdsFlags;
    }
}

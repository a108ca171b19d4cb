package io.backstory.moderation;

/** What a moderator decides about a review item, and the content status it leads to (null: unchanged). */
public enum ReviewAction {
    APPROVE("APPROVED", "PUBLISHED", false),
    APPROVE_WITH_NOTE("APPROVED", "PUBLISHED", false),
    /** The moderator rewrites the unsafe part (a new revision in their name) and publishes the result. */
    EDIT_AND_APPROVE("APPROVED", "PUBLISHED", true),
    HIDE("HIDDEN", "HIDDEN", true),
    REMOVE("REMOVED", "REMOVED", true),
    DISMISS_FLAGS("DISMISSED", null, false);

    final String itemStatus;
    final String contentStatus;
    /** Whether the flags were right: counts towards each flagger's record. */
    final boolean upholdsFlags;

    ReviewAction(String itemStatus, String contentStatus, boolean upholdsFlags) {
        this.itemStatus = itemStatus;
        this.contentStatus = contentStatus;
        this.upholdsFlags = upholdsFlags;
    }
}

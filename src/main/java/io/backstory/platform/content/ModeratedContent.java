package io.backstory.platform.content;

/**
 * What moderation changes about a post or comment. Community owns posts, comments and their revisions and implements
 * this ({@code community/ContentStore}); moderation, which community itself calls to screen text, changes them only
 * through it, so the tables keep one writer and the packages one direction. None of these bump the author's edit
 * version: a moderator's action must not make the author's open edit form stale.
 */
public interface ModeratedContent {

    /**
     * Moves content between statuses. What the public reads once it is published joins its revision history, and a
     * post's comment count follows its public comments.
     */
    void moveStatus(ContentKind kind, long id, ContentStatus from, ContentStatus to);

    /** A safety note shown beside the text (a moderator's approval with a note). */
    void addSafetyNotice(ContentKind kind, long id, String notice);

    void removeSafetyNotice(ContentKind kind, long id, String notice);

    /** Urgent-care advice shown beside the text, once. */
    void addUrgentCare(ContentKind kind, long id, String advice);

    /** Takes urgent-care advice away; whether the text had it. */
    boolean removeUrgentCare(ContentKind kind, long id, String advice);

    /**
     * A moderator's edit: the text is replaced and recorded as a revision by the moderator, and the versions before it
     * leave the public history (the moderator replaced that text for a reason).
     */
    void replaceText(ContentKind kind, long id, String markdown, long editorId);

    /** Whether the public history shows the newest revision; for undoing a decision. */
    void setNewestRevisionPublic(ContentKind kind, long id, boolean inPublicHistory);
}

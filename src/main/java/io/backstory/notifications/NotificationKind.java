package io.backstory.notifications;

/** What a notification is about; members choose per kind whether it also comes by e-mail. */
public enum NotificationKind {
    /** Someone replied to the member's post or comment. */
    REPLY,
    /** The member's comment was marked as the answer that helped. */
    ANSWER_ACCEPTED,
    /** A moderator decided about the member's own post or comment. */
    MODERATION,
    /** What came of a flag the member raised. */
    FLAG_OUTCOME,
    /** A new post in a condition the member follows. */
    NEW_POST,
    /** Someone named the member with @handle. */
    MENTION,
    OTHER
}

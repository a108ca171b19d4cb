package io.backstory.notifications;

/** What a notification is about. */
public enum NotificationKind {
    /** Something happened to the member's content or in a condition they follow. */
    ACTIVITY,
    /** Someone named them with @handle. */
    MENTION
}

package io.backstory.community;

/** Lifecycle of posts and comments; only PUBLISHED content is ever shown to the public. */
public enum ContentStatus {
    PUBLISHED, PENDING_REVIEW, HIDDEN, REMOVED
}

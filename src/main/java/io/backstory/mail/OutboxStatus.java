package io.backstory.mail;

/** Where a queued mail stands. */
enum OutboxStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    SENT,
    /** Refused for good by the mail server, or still failing after every retry. */
    FAILED,
    /** Nothing left to send when its turn came: the post is no longer public, the address or the choice changed. */
    DROPPED
}

package io.backstory.mail;

/** What a queued mail is: one notification, a digest, or the link that confirms a new address. */
enum OutboxKind {
    NOTIFICATION, DIGEST, ADDRESS_CHECK
}

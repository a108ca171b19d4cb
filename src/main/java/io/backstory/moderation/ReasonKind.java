package io.backstory.moderation;

/** Where one of a review item's reasons came from (column {@code review_reason.kind}). */
enum ReasonKind {
    /** A screening rule, or the screening model, matched words of the text. */
    RULE,
    /** A member flagged the post or comment. */
    FLAG,
    /** A reason in words, shown as it is: what replaced an erased author's reasons, or an old line of neither form. */
    NOTE
}

package io.backstory.moderation;

/** What screening does with content, mildest first; a text gets the most severe action of its matches. */
public enum ScreeningAction {
    /** Publish as is. */
    ALLOW,
    /** Publish with a safety notice beside it. */
    NOTICE,
    /** Publish, and put it in the moderators' review queue. */
    FLAG,
    /** Keep it out of public view until a moderator approves it; the author is told why. */
    HOLD,
    /** Reject it with a clear message; nothing is saved. */
    BLOCK;

    public ScreeningAction atLeast(ScreeningAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

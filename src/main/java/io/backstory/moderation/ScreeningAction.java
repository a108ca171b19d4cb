package io.backstory.moderation;

/** What screening does with content, mildest first; a text gets the most severe action of its matches. */
public enum ScreeningAction {
    /** Publish as is. */
    ALLOW("Publish as it is"),
    /** Publish with a safety notice beside it. */
    NOTICE("Publish with the notice beside it"),
    /** Publish, and put it in the moderators' review queue. */
    FLAG("Publish, and ask a moderator to look"),
    /** Keep it out of public view until a moderator approves it; the author is told why. */
    HOLD("Hide it until a moderator approves it"),
    /** Reject it with a clear message; nothing is saved. */
    BLOCK("Refuse it: nothing is saved");

    private final String label;

    ScreeningAction(String label) {
        this.label = label;
    }

    /** What happens to the writing, in plain words. */
    public String label() {
        return label;
    }

    public ScreeningAction atLeast(ScreeningAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

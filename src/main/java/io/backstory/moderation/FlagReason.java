package io.backstory.moderation;

/** Why a member flags a post or comment; the severity orders the review queue. */
public enum FlagReason {
    UNSAFE_ADVICE("Unsafe advice", 25),
    IGNORES_RED_FLAGS("Ignores red-flag symptoms", 25),
    SPAM("Spam", 20),
    HARASSMENT("Harassment", 20),
    OFF_TOPIC("Off-topic", 10),
    OTHER("Something else", 10);

    public final String label;
    final int severity;

    FlagReason(String label, int severity) {
        this.label = label;
        this.severity = severity;
    }
}

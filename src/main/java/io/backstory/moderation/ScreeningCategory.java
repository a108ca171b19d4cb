package io.backstory.moderation;

/** What a screening rule looks for. */
public enum ScreeningCategory {
    UNSAFE_ADVICE("Unsafe advice", "unsafe advice"), RED_FLAG("Warning signs (red flags)", "red-flag symptoms"),
    SPAM("Spam", "spam");

    private final String label;
    private final String plainName;

    ScreeningCategory(String label, String plainName) {
        this.label = label;
        this.plainName = plainName;
    }

    /** The category in plain words, as pages show it. */
    public String label() {
        return label;
    }

    /** The category as a moderator reads it inside a sentence (a model's reason). */
    public String plainName() {
        return plainName;
    }
}

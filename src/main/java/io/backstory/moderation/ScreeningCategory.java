package io.backstory.moderation;

/** What a screening rule looks for. */
public enum ScreeningCategory {
    UNSAFE_ADVICE("Unsafe advice"), RED_FLAG("Warning signs (red flags)"), SPAM("Spam");

    private final String label;

    ScreeningCategory(String label) {
        this.label = label;
    }

    /** The category in plain words, as pages show it. */
    public String label() {
        return label;
    }
}

package io.backstory.moderation;

import java.util.Locale;

/** Why an item is in the review queue: the queue's tabs. */
public enum ReviewCategory {
    UNSAFE_ADVICE("Unsafe advice"), RED_FLAG("Warning signs"), SPAM("Spam"), MEMBER_FLAG("Flagged by members"),
    NEW_MEMBER("New members");

    private final String label;

    ReviewCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The tab named in a link ({@code ?category=SPAM}); null for all tabs or a name that is not one. */
    static ReviewCategory fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

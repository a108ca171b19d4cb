package io.backstory.moderation;

import java.util.Locale;

/**
 * One of a review item's reasons in plain words, as a moderator reads it: "Untrained traction or manipulation" and the
 * quoted words ({@code excerpt}, null when none), never the rule's code, which {@code rule} keeps for the API (null
 * for a member's flag).
 */
public record ReviewReason(String rule, String label, String excerpt) {

    private static final String FLAGGED = "Flagged by a member: ";

    /** A {@code review_reason} row in plain words; {@code label} as stored (a rule's subcategory, a note's words). */
    static ReviewReason of(ReasonKind kind, String rule, FlagReason flag, String label, String excerpt) {
        return switch (kind) {
            case RULE -> new ReviewReason(rule, plain(label), excerpt == null || excerpt.isBlank() ? null : excerpt);
            case FLAG -> new ReviewReason(null, FLAGGED + flag.label, null);
            case NOTE -> new ReviewReason(null, label, null);
        };
    }

    /** What a rule looks for ("untrained traction or manipulation") as a label: "Untrained traction or manipulation". */
    static String plain(String subcategory) {
        if (subcategory == null || subcategory.isBlank()) {
            return "";
        }
        String text = subcategory.strip();
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}

package io.backstory.moderation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a review item's reasons in plain words. Screening stores {@code rule-code (what it looks for): "excerpt"}
 * and member flags {@code flag: Reason}; a moderator reads "Untrained traction or manipulation" and the quoted words,
 * never the rule's code.
 */
public record ReviewReason(String label, String excerpt) {

    private static final Pattern SCREENING = Pattern.compile("^[a-z0-9-]+ \\((.*)\\): \"(.*)\"$", Pattern.DOTALL);
    private static final String FLAG = "flag: ";

    static ReviewReason parse(String line) {
        Matcher screening = SCREENING.matcher(line);
        if (screening.matches()) {
            String excerpt = screening.group(2);
            return new ReviewReason(plain(screening.group(1)), excerpt.isBlank() ? null : excerpt);
        }
        if (line.startsWith(FLAG)) {
            return new ReviewReason("Flagged by a member: " + line.substring(FLAG.length()), null);
        }
        return new ReviewReason(line, null);
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

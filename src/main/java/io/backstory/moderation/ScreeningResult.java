package io.backstory.moderation;

import java.util.List;

/**
 * The outcome of screening a text: the verdict, what matched where, and the notices to show. {@code urgentCare} is
 * the part of the notices that answers red-flag symptoms: shown as an urgent-care box, apart from ordinary notes.
 */
public record ScreeningResult(ScreeningAction verdict, List<Match> matches, List<String> notices, List<String> urgentCare) {

    /**
     * One rule matching one place: {@code start}/{@code end} are character offsets into the screened text. A
     * review for trust reasons (a new member's first post) has no category and an empty excerpt.
     */
    public record Match(String rule, ScreeningCategory category, String subcategory, ScreeningAction action,
            String excerpt, int start, int end) {
    }

    public static final ScreeningResult CLEAN = new ScreeningResult(ScreeningAction.ALLOW, List.of(), List.of(), List.of());

    /** The notices that are not urgent-care advice: the ordinary safety notes. */
    public List<String> safetyNotes() {
        return notices.stream().filter(notice -> !urgentCare.contains(notice)).toList();
    }
}

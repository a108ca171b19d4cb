package io.backstory.moderation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.backstory.platform.content.ScreeningOutcome;

/**
 * The outcome of screening a text: the verdict, what matched where, and the notices to show. {@code urgentCare} is
 * the part of the notices that answers red-flag symptoms: shown as an urgent-care box, apart from ordinary notes.
 * {@code modelLater}: a long text saved on the rules' verdict alone, which the screening model reads a moment later
 * ({@link DeferredScreening}).
 */
public record ScreeningResult(ScreeningAction verdict, List<Match> matches, List<String> notices, List<String> urgentCare,
        boolean modelLater) implements ScreeningOutcome {

    /** A verdict the screening model had its part in already. */
    public ScreeningResult(ScreeningAction verdict, List<Match> matches, List<String> notices, List<String> urgentCare) {
        this(verdict, matches, notices, urgentCare, false);
    }

    /**
     * One rule matching one place: {@code start}/{@code end} are character offsets into the screened text, and
     * {@code sentence} the sentence around them (the excerpt itself where screening knows no more). A review for trust
     * reasons (a new member's first post) has no category and an empty excerpt.
     */
    public record Match(String rule, ScreeningCategory category, String subcategory, ScreeningAction action,
            String excerpt, int start, int end, @JsonIgnore String sentence) {

        public Match(String rule, ScreeningCategory category, String subcategory, ScreeningAction action, String excerpt,
                int start, int end) {
            this(rule, category, subcategory, action, excerpt, start, end, excerpt);
        }

        /**
         * Why it matched, as the writer reads it: a rule's own words, or for the screening model only what it took the
         * sentence for (its confidence and the labelled sentences it resembles are for moderators; they frightened a
         * writer describing ordinary sciatica).
         */
        public String reasonForWriter() {
            return ScreeningService.MODEL_RULE.equals(rule) && category != null
                    ? "the safety check reads this as " + category.plainName() : subcategory;
        }

        /** This match doing at most {@code ceiling} (a hold lowered to a flag, a flag to a note); a block is never lowered. */
        Match atMost(ScreeningAction ceiling) {
            return action == ScreeningAction.BLOCK || action.compareTo(ceiling) <= 0 ? this
                    : new Match(rule, category, subcategory, ceiling, excerpt, start, end, sentence);
        }

        /** This match with the whole sentence it is in: what a moderator's decision on it teaches the model. */
        Match inSentence(String whole) {
            return new Match(rule, category, subcategory, action, excerpt, start, end, whole);
        }
    }

    public static final ScreeningResult CLEAN = new ScreeningResult(ScreeningAction.ALLOW, List.of(), List.of(), List.of());

    /** The notices that are not urgent-care advice: the ordinary safety notes. */
    public List<String> safetyNotes() {
        return notices.stream().filter(notice -> !urgentCare.contains(notice)).toList();
    }
}

package io.backstory.writing;

import io.backstory.platform.content.Outcome;

/**
 * A tag the text seems to call for, with the sentence it came from so the member can judge it. For remedies,
 * {@code outcome} is how that sentence (or the section it stands in) says it went; null when it only mentions it.
 */
public record TagSuggestion(TagKind kind, String slug, String sentence, Outcome outcome) {

    /** The form value that tags it: the outcome's name, or "mentioned only". */
    public String outcomeValue() {
        return outcome == null ? "MENTIONED" : outcome.name();
    }
}

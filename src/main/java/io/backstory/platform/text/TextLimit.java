package io.backstory.platform.text;

import java.util.Optional;

import io.backstory.platform.errors.InvalidInputException;

/**
 * What a text field accepts: at least {@code minVisible} visible characters (0: may be empty), at most
 * {@code maxCharacters} characters, and no character a page cannot show. {@link #problem} is the message a member
 * reads beside the field.
 */
public record TextLimit(int minVisible, int maxCharacters, boolean multiLine, String requiredMessage) {

    public static TextLimit multiLine(int minVisible, int maxCharacters, String requiredMessage) {
        return new TextLimit(minVisible, maxCharacters, true, requiredMessage);
    }

    public static TextLimit optional(int maxCharacters) {
        return new TextLimit(0, maxCharacters, true, "");
    }

    /** Refuses {@code text} as invalid input naming {@code field} when it does not fit. */
    public void require(String field, String text) {
        problem(text).ifPresent(message -> {
            throw new InvalidInputException(field, message);
        });
    }

    public Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return minVisible > 0 ? Optional.of(requiredMessage) : Optional.empty();
        }
        int unprintable = VisibleText.firstUnprintable(text, multiLine);
        if (unprintable >= 0) {
            return Optional.of("contains a character that cannot be shown (" + VisibleText.codePointName(unprintable)
                    + (multiLine ? "" : ", or a line break") + "); please remove it");
        }
        int characters = VisibleText.characters(text);
        if (characters > maxCharacters) {
            int over = characters - maxCharacters;
            return Optional.of(String.format("is %,d characters long; the limit is %,d. Please shorten it by %,d %s.",
                    characters, maxCharacters, over, over == 1 ? "character" : "characters"));
        }
        int visible = VisibleText.visibleLength(text);
        if (minVisible > 0 && visible == 0) {
            return Optional.of(requiredMessage + " (spaces and invisible characters alone do not count)");
        }
        if (visible < minVisible) {
            return Optional.of(String.format("must have at least %d visible characters; this has %d", minVisible, visible));
        }
        return Optional.empty();
    }
}

package io.backstory.voting;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.backstory.platform.errors.InvalidInputException;

/**
 * A vote button of a thread's comments, as the thread's one vote form sends it. The button's name says everything
 * (no value, no address of its own, so a 300-comment thread stays light): {@code u} (vote up), {@code d} (vote down)
 * or {@code w} (withdraw the vote), then the comment's id, as in {@code u147}. Written by
 * {@code templates/fragments/comment-vote.html}.
 */
record ThreadVoteButton(long commentId, int value) {

    private static final Pattern NAME = Pattern.compile("([udw])([1-9][0-9]{0,17})");

    /** The one vote button among the form's field names; anything else is a form no vote button sent. */
    static ThreadVoteButton pressed(Collection<String> fieldNames) {
        ThreadVoteButton pressed = null;
        for (String name : fieldNames) {
            Matcher button = NAME.matcher(name);
            if (button.matches()) {
                if (pressed != null) {
                    throw notAButton();
                }
                int value = switch (button.group(1)) {
                    case "u" -> 1;
                    case "d" -> -1;
                    default -> 0;
                };
                pressed = new ThreadVoteButton(Long.parseLong(button.group(2)), value);
            }
        }
        if (pressed == null) {
            throw notAButton();
        }
        return pressed;
    }

    private static InvalidInputException notAButton() {
        return new InvalidInputException("vote", "press one comment's vote button");
    }
}

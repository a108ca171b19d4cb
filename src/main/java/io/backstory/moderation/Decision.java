package io.backstory.moderation;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;

/**
 * A moderator's decision on one review item, as they asked for it. {@code version}: the item version they saw;
 * {@code note}: the reason told to the author (the safety note itself when approving with one); {@code warn} sends the
 * author a warning; {@code silenceDays} &gt; 0 stops them posting for that long; {@code editedText}: the new Markdown
 * text for {@link ReviewAction#EDIT_AND_APPROVE}. Line breaks are Unix ones from here on.
 */
public record Decision(long itemId, ReviewAction action, Integer version, String note, boolean warn, int silenceDays,
        String editedText) {

    private static final TextLimit NOTE = TextLimit.optional(ContentLimits.SAFETY_NOTE_MAX);
    private static final String EDITED_TEXT_REQUIRED = "write the edited text";
    static final int MAX_SILENCE_DAYS = 365;

    public Decision {
        note = VisibleText.unixLineBreaks(note);
        editedText = VisibleText.unixLineBreaks(editedText);
    }

    /** A decision without an edit. */
    public Decision(long itemId, ReviewAction action, Integer version, String note, boolean warn, int silenceDays) {
        this(itemId, action, version, note, warn, silenceDays, null);
    }

    /** Refuses (400) a decision that is incomplete or out of bounds whatever the item is. */
    void validate() {
        if (action == null) {
            throw new InvalidInputException("action", "choose approve, approve with a note, hide, remove or dismiss flags");
        }
        if (version == null) {
            throw new InvalidInputException("version", "the item version you reviewed is required");
        }
        if (action == ReviewAction.APPROVE_WITH_NOTE && VisibleText.visibleLength(note == null ? "" : note) == 0) {
            throw new InvalidInputException("note", "write the safety note to show beside the content");
        }
        NOTE.require("note", note);
        if (action == ReviewAction.EDIT_AND_APPROVE) {
            // The longest any text may be; once the item is read, the post's or comment's own limit applies.
            requireEditedText(ContentLimits.POST_BODY_MAX);
        }
        if (silenceDays < 0 || silenceDays > MAX_SILENCE_DAYS) {
            throw new InvalidInputException("silenceDays", "must be between 0 and " + MAX_SILENCE_DAYS);
        }
    }

    /** Refuses (400) an edited text that is empty or longer than {@code maxCharacters}. */
    void requireEditedText(int maxCharacters) {
        TextLimit.multiLine(1, maxCharacters, EDITED_TEXT_REQUIRED).require("text", editedText);
    }

    /** The safety note shown beside the content, for an approval with one; null otherwise. */
    String safetyNote() {
        return action == ReviewAction.APPROVE_WITH_NOTE ? note.strip() : null;
    }
}

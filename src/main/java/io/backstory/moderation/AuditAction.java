package io.backstory.moderation;

import java.util.Arrays;

/** Every kind of step in the moderation audit log, automatic ones too. */
public enum AuditAction {
    APPROVE("Approved"),
    APPROVE_WITH_NOTE("Approved with a safety note"),
    EDIT_AND_APPROVE("Edited and published"),
    HIDE("Hidden"),
    REMOVE("Removed"),
    DISMISS_FLAGS("Flags dismissed"),
    WARN_AUTHOR("Author warned"),
    SILENCE_AUTHOR("Author stopped from posting"),
    HIDDEN_BY_FLAGS("Hidden by members' flags"),
    SCREENING_FLAG("Sent for review by the safety check"),
    SCREENING_HOLD("Held back by the safety check"),
    UNDO("Decision undone");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static AuditAction of(ReviewAction action) {
        return valueOf(action.name());
    }

    /** The action named in a link ({@code ?action=HIDE}); null when none or unknown. */
    static AuditAction fromParameter(String value) {
        return Arrays.stream(values()).filter(a -> a.name().equals(value)).findFirst().orElse(null);
    }
}

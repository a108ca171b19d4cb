package io.backstory.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.backstory.platform.content.ContentStatus;

/**
 * The review decision's state machine, without the database: which decisions an item takes, what each does to the
 * content's status, and when a decision can still be taken back.
 */
final class DecisionRules {

    /** Why undo is refused. */
    enum UndoRefusal {
        ALREADY_UNDONE, NOT_UNDOABLE, TOO_LATE, CHANGED_SINCE
    }

    private DecisionRules() {
    }

    /** The decisions the item page offers: dismissing flags only when members flagged the item. */
    static List<ReviewAction> offered(boolean flagged) {
        return Arrays.stream(ReviewAction.values()).filter(action -> action != ReviewAction.DISMISS_FLAGS || flagged)
                .toList();
    }

    /**
     * Whether an item can be decided by a moderator who saw it at {@code seenVersion}: it is open, and nobody acted on it
     * since (otherwise the second of two moderators would overrule the first without seeing it).
     */
    static boolean decidable(ReviewItemStatus status, int seenVersion, int currentVersion) {
        return status.isOpen() && seenVersion == currentVersion;
    }

    /**
     * The content's status after the decision. Dismissing flags undoes only what those flags did: content this item's
     * flags hid is published again; what a moderator decided before (a hide on an earlier item, say) stands until a
     * moderator approves the content.
     */
    static ContentStatus outcome(ReviewAction action, ContentStatus current, boolean hiddenByItsFlags) {
        if (action.contentStatus != null) {
            return action.contentStatus;
        }
        return hiddenByItsFlags ? ContentStatus.PUBLISHED : current;
    }

    /** Whether a decision taken at {@code decidedAt} can still be undone at {@code now}. */
    static boolean withinUndoWindow(Instant decidedAt, Instant now, Duration window) {
        return decidedAt.isAfter(now.minus(window));
    }

    /**
     * Why a decision cannot be undone, if it cannot: it was undone already, it was an edit (taking one back is another
     * edit), the window has passed, or the item changed since ({@code itemVersion}: right after the decision).
     */
    static Optional<UndoRefusal> undoRefusal(ReviewAction action, boolean undone, Instant decidedAt, Instant now,
            Duration window, long itemVersion, long currentVersion) {
        if (undone) {
            return Optional.of(UndoRefusal.ALREADY_UNDONE);
        }
        if (!action.undoable()) {
            return Optional.of(UndoRefusal.NOT_UNDOABLE);
        }
        if (!withinUndoWindow(decidedAt, now, window)) {
            return Optional.of(UndoRefusal.TOO_LATE);
        }
        return currentVersion == itemVersion ? Optional.empty() : Optional.of(UndoRefusal.CHANGED_SINCE);
    }
}

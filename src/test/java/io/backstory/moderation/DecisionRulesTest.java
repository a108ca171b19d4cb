package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.content.ContentStatus;

/** The review decision's state machine and undo window, without the database (plain JUnit). */
class DecisionRulesTest {

    private static final Instant DECIDED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void dismissingFlagsIsOfferedOnlyWhenMembersFlagged() {
        assertEquals(List.of(ReviewAction.APPROVE, ReviewAction.APPROVE_WITH_NOTE, ReviewAction.EDIT_AND_APPROVE,
                ReviewAction.HIDE, ReviewAction.REMOVE, ReviewAction.DISMISS_FLAGS), DecisionRules.offered(true));
        assertFalse(DecisionRules.offered(false).contains(ReviewAction.DISMISS_FLAGS));
        assertEquals(5, DecisionRules.offered(false).size());
    }

    @Test
    void onlyAnOpenItemAtTheVersionTheModeratorSawCanBeDecided() {
        assertTrue(DecisionRules.decidable(ReviewItemStatus.OPEN, 3, 3));
        assertFalse(DecisionRules.decidable(ReviewItemStatus.OPEN, 2, 3), "another moderator acted since");
        for (ReviewItemStatus closed : List.of(ReviewItemStatus.APPROVED, ReviewItemStatus.HIDDEN, ReviewItemStatus.REMOVED,
                ReviewItemStatus.DISMISSED)) {
            assertFalse(DecisionRules.decidable(closed, 3, 3), closed + " is decided");
        }
    }

    @Test
    void eachDecisionLeadsToItsStatusWhateverTheContentWas() {
        for (ContentStatus from : ContentStatus.values()) {
            assertEquals(ContentStatus.PUBLISHED, DecisionRules.outcome(ReviewAction.APPROVE, from, false));
            assertEquals(ContentStatus.PUBLISHED, DecisionRules.outcome(ReviewAction.APPROVE_WITH_NOTE, from, false));
            assertEquals(ContentStatus.PUBLISHED, DecisionRules.outcome(ReviewAction.EDIT_AND_APPROVE, from, true));
            assertEquals(ContentStatus.HIDDEN, DecisionRules.outcome(ReviewAction.HIDE, from, false));
            assertEquals(ContentStatus.REMOVED, DecisionRules.outcome(ReviewAction.REMOVE, from, false));
        }
    }

    @Test
    void dismissingFlagsUndoesOnlyWhatTheFlagsDid() {
        assertEquals(ContentStatus.PUBLISHED, DecisionRules.outcome(ReviewAction.DISMISS_FLAGS, ContentStatus.HIDDEN, true));
        assertEquals(ContentStatus.HIDDEN, DecisionRules.outcome(ReviewAction.DISMISS_FLAGS, ContentStatus.HIDDEN, false),
                "a moderator's earlier hide stands");
        assertEquals(ContentStatus.PUBLISHED, DecisionRules.outcome(ReviewAction.DISMISS_FLAGS, ContentStatus.PUBLISHED, false));
        assertEquals(ContentStatus.PENDING_REVIEW,
                DecisionRules.outcome(ReviewAction.DISMISS_FLAGS, ContentStatus.PENDING_REVIEW, false));
    }

    @Test
    void theUndoWindowIsOpenUntilItsLastInstant() {
        assertTrue(DecisionRules.withinUndoWindow(DECIDED, DECIDED, WINDOW));
        assertTrue(DecisionRules.withinUndoWindow(DECIDED, DECIDED.plus(WINDOW).minusMillis(1), WINDOW));
        assertFalse(DecisionRules.withinUndoWindow(DECIDED, DECIDED.plus(WINDOW), WINDOW));
        assertFalse(DecisionRules.withinUndoWindow(DECIDED, DECIDED.plus(Duration.ofHours(1)), WINDOW));
    }

    private static Optional<DecisionRules.UndoRefusal> undo(ReviewAction action, boolean undone, Duration after,
            long itemVersion, long currentVersion) {
        return DecisionRules.undoRefusal(action, undone, DECIDED, DECIDED.plus(after), WINDOW, itemVersion, currentVersion);
    }

    @Test
    void undoIsRefusedOnceUndoneForAnEditTooLateOrAfterAnythingHappenedToTheItem() {
        Duration soon = Duration.ofMinutes(1);
        for (ReviewAction action : ReviewAction.values()) {
            if (action != ReviewAction.EDIT_AND_APPROVE) {
                assertEquals(Optional.empty(), undo(action, false, soon, 4, 4), action + " can be undone");
            }
        }
        assertEquals(Optional.of(DecisionRules.UndoRefusal.ALREADY_UNDONE), undo(ReviewAction.HIDE, true, soon, 4, 4));
        assertEquals(Optional.of(DecisionRules.UndoRefusal.NOT_UNDOABLE), undo(ReviewAction.EDIT_AND_APPROVE, false, soon, 4, 4));
        assertEquals(Optional.of(DecisionRules.UndoRefusal.TOO_LATE), undo(ReviewAction.HIDE, false, Duration.ofMinutes(16), 4, 4));
        assertEquals(Optional.of(DecisionRules.UndoRefusal.CHANGED_SINCE), undo(ReviewAction.HIDE, false, soon, 4, 5));
        assertEquals(Optional.of(DecisionRules.UndoRefusal.ALREADY_UNDONE),
                undo(ReviewAction.HIDE, true, Duration.ofMinutes(16), 4, 5), "the first reason is the one given");
    }

    @Test
    void aDecisionIsCompleteBeforeAnyItemIsRead() {
        assertEquals("action", field(new Decision(1, null, 0, null, false, 0)));
        assertEquals("version", field(new Decision(1, ReviewAction.HIDE, null, null, false, 0)));
        assertEquals("note", field(new Decision(1, ReviewAction.APPROVE_WITH_NOTE, 0, " \u200b ", false, 0)));
        assertEquals("text", field(new Decision(1, ReviewAction.EDIT_AND_APPROVE, 0, null, false, 0, "")));
        assertEquals("silenceDays", field(new Decision(1, ReviewAction.HIDE, 0, null, false, 366)));
        assertEquals("silenceDays", field(new Decision(1, ReviewAction.HIDE, 0, null, false, -1)));
        new Decision(1, ReviewAction.HIDE, 0, null, true, 365).validate();
        assertEquals("Check the dose", new Decision(1, ReviewAction.APPROVE_WITH_NOTE, 0, " Check the dose\r\n", false, 0)
                .safetyNote());
        assertEquals("line\nbreak", new Decision(1, ReviewAction.EDIT_AND_APPROVE, 0, null, false, 0, "line\r\nbreak")
                .editedText());
    }

    private static String field(Decision decision) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, decision::validate);
        return refused.errors().get(0).field();
    }
}

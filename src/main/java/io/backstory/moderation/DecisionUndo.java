package io.backstory.moderation;

import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Takes a batch of decisions back: each item is open again and its content, safety notes, flaggers' records and
 * author's trust and silencing are as before the decision; each step is in the audit log. The decision's own
 * {@link ItemTransitions} backwards, with what {@link DecisionRecords} kept.
 */
@ApplicationScoped
public class DecisionUndo {

    private final DecisionRecords records;
    private final ReviewQueue queue;
    private final ReviewItems items;
    private final ItemTransitions transitions;
    private final ActionHandlers handlers;
    private final DecisionNotices notices;
    private final AuditLog audit;
    private final MemberStanding standing;
    private final ScreeningLessons lessons;

    public DecisionUndo(DecisionRecords records, ReviewQueue queue, ReviewItems items, ItemTransitions transitions,
            ActionHandlers handlers, DecisionNotices notices, AuditLog audit, MemberStanding standing,
            ScreeningLessons lessons) {
        this.records = records;
        this.queue = queue;
        this.items = items;
        this.transitions = transitions;
        this.handlers = handlers;
        this.notices = notices;
        this.audit = audit;
        this.standing = standing;
        this.lessons = lessons;
    }

    /**
     * Undoes the batch; the first item's id. Refused (409) once the undo window has passed or when anything happened to
     * an item since, and then nothing is undone.
     */
    @Transactional
    public long undo(long batch, Member moderator) {
        List<DecisionRecords.Kept> decisions = records.batchToUndo(batch, moderator);
        if (decisions.isEmpty()) {
            throw new NotFoundException("Decision " + batch);
        }
        for (DecisionRecords.Kept d : decisions) {
            DecisionRules.undoRefusal(d.action(), d.undone(), d.decidedAt(), d.now(), records.undoWindow(), d.itemVersion(),
                    d.currentVersion()).ifPresent(refusal -> {
                        throw new ConflictException(message(refusal, d.itemId()));
                    });
        }
        for (DecisionRecords.Kept d : decisions) {
            undoOne(d, moderator);
        }
        records.markUndone(batch);
        lessons.forgetBatch(batch);
        return decisions.get(0).itemId();
    }

    private String message(DecisionRules.UndoRefusal refusal, long itemId) {
        return switch (refusal) {
            case ALREADY_UNDONE -> "This decision was already undone.";
            case NOT_UNDOABLE -> "An edit cannot be undone here: edit the text again instead.";
            case TOO_LATE -> "Too late to undo: decisions can be undone for " + records.undoWindow().toMinutes()
                    + " minutes. Open the item to decide again.";
            case CHANGED_SINCE -> "Something happened to this item since your decision (" + audit.lastAction(itemId)
                    + "). Nothing was undone.";
        };
    }

    private void undoOne(DecisionRecords.Kept decision, Member moderator) {
        ItemDetail item = queue.item(decision.itemId());
        ReviewAction action = decision.action();
        if (items.anyOpen(item.target(), item.targetId())) {
            throw new ConflictException("A newer review item about this " + item.target().noun()
                    + " is waiting in the queue; decide there. Nothing was undone.");
        }
        transitions.apply(new ItemTransitions.Transition(item, decision.from(), ReviewItemStatus.OPEN,
                action.upholdsFlags ? -1 : 0, action.upholdsFlags ? 0 : -1, AuditAction.UNDO, action.done()),
                moderator, () -> handlers.revert(decision, item));
        if (item.authorId() != null) {
            if (decision.authorTrustBefore() != null) {
                standing.restore(item.authorId(), decision.authorTrustBefore(), decision.authorSilencedBefore());
            }
            notices.tellAuthorUndone(item, action);
        }
    }
}

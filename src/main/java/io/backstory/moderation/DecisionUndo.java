package io.backstory.moderation;

import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Takes a batch of decisions back: each item is open again and its content, safety notes, flaggers' records and
 * author's trust and silencing are as before the decision; each step is in the audit log. The same steps as
 * {@link ReviewDecisions#perform}, backwards, from what {@link DecisionRecords} kept.
 */
@ApplicationScoped
public class DecisionUndo {

    private final DecisionRecords records;
    private final ReviewQueue queue;
    private final ReviewItems items;
    private final DecisionNotices notices;
    private final AuditLog audit;
    private final ModeratedContent content;
    private final MemberStanding standing;
    private final ScreeningLessons lessons;

    public DecisionUndo(DecisionRecords records, ReviewQueue queue, ReviewItems items, DecisionNotices notices,
            AuditLog audit, ModeratedContent content, MemberStanding standing, ScreeningLessons lessons) {
        this.records = records;
        this.queue = queue;
        this.items = items;
        this.notices = notices;
        this.audit = audit;
        this.content = content;
        this.standing = standing;
        this.lessons = lessons;
    }

    /**
     * Undoes the batch; the first item's id. Refused (409) once the undo window has passed or when anything happened to
     * an item since, and then nothing is undone.
     */
    @Transactional
    public long undo(long batch, Member moderator) {
        List<NamedRow> decisions = records.batchToUndo(batch, moderator);
        if (decisions.isEmpty()) {
            throw new NotFoundException("Decision " + batch);
        }
        for (NamedRow d : decisions) {
            DecisionRules.undoRefusal(d.enumValue("action", ReviewAction.class), d.instant("undone_at") != null,
                    d.instant("decided_at"), d.instant("now"), records.undoWindow(), d.number("item_version"),
                    d.number("current_version")).ifPresent(refusal -> {
                        throw new ConflictException(message(refusal, d.number("review_item_id")));
                    });
        }
        for (NamedRow d : decisions) {
            undoOne(d, moderator);
        }
        records.markUndone(batch);
        lessons.forgetBatch(batch);
        return decisions.get(0).number("review_item_id");
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

    private void undoOne(NamedRow decision, Member moderator) {
        long id = decision.number("review_item_id");
        ItemDetail item = queue.item(id);
        ReviewAction action = decision.enumValue("action", ReviewAction.class);
        ContentStatus back = decision.enumValue("from_status", ContentStatus.class);
        if (items.anyOpen(item.target(), item.targetId())) {
            throw new ConflictException("A newer review item about this " + item.target().noun()
                    + " is waiting in the queue; decide there. Nothing was undone.");
        }
        content.moveStatus(item.target().kind(), item.targetId(), item.contentStatus(), back);
        Boolean revisionWasPublic = decision.boolOrNull("revision_was_public");
        if (revisionWasPublic != null) {
            content.setNewestRevisionPublic(item.target().kind(), item.targetId(), revisionWasPublic);
        }
        if (decision.text("safety_note") != null) {
            content.removeSafetyNotice(item.target().kind(), item.targetId(), decision.text("safety_note"));
        }
        if (decision.bool("model_urgent_care_removed")) {
            content.addUrgentCare(item.target().kind(), item.targetId(), ScreeningService.MODEL_RED_FLAG_NOTICE);
        }
        items.moveTo(id, ReviewItemStatus.OPEN);
        standing.countFlags(items.flaggers(id), action.upholdsFlags ? -1 : 0, action.upholdsFlags ? 0 : -1);
        if (item.authorId() != null) {
            if (decision.numberOrNull("author_trust_before") != null) {
                standing.restore(item.authorId(), (int) decision.number("author_trust_before"),
                        decision.instant("author_silenced_before"));
            }
            notices.tellAuthorUndone(item, action);
        }
        audit.record(id, moderator, AuditAction.UNDO, item.contentStatus(), back, action.done());
    }
}

package io.backstory.moderation;

import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.content.ContentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Moderators' decisions on review items, one at a time or several removed as spam, all through {@link #perform}:
 * the version check (a second moderator who saw the item before the first acted gets a 409 and changes nothing), the
 * outcome ({@link DecisionRules}), the record undo needs ({@link DecisionRecords}), then {@link ItemTransitions}: the
 * content's status move with its history, the action's own effects ({@link ActionHandlers}), the item closed, the
 * flaggers' records and the audit-log step; last the notices and the author's trust, warning and silencing.
 */
@ApplicationScoped
public class ReviewDecisions {

    /** An item the moderator chose in the queue, with the version they saw. */
    public record ChosenItem(long id, int version) {
    }

    private final ReviewQueue queue;
    private final ReviewItems items;
    private final ActionHandlers handlers;
    private final DecisionRecords records;
    private final ItemTransitions transitions;
    private final DecisionNotices notices;
    private final AuditLog audit;
    private final MemberStanding standing;
    private final ScreeningLessons lessons;

    public ReviewDecisions(ReviewQueue queue, ReviewItems items, ActionHandlers handlers, DecisionRecords records,
            ItemTransitions transitions, DecisionNotices notices, AuditLog audit, MemberStanding standing,
            ScreeningLessons lessons) {
        this.queue = queue;
        this.items = items;
        this.handlers = handlers;
        this.records = records;
        this.transitions = transitions;
        this.notices = notices;
        this.audit = audit;
        this.standing = standing;
        this.lessons = lessons;
    }

    /** Decides one item; the item as it is afterwards. */
    @Transactional
    public ItemDetail act(Decision decision, Member moderator) {
        decide(decision, moderator);
        return queue.item(decision.itemId());
    }

    /** Decides one item; the decision's batch, for its confirmation and undo. */
    @Transactional
    public long decide(Decision decision, Member moderator) {
        long batch = records.newBatch();
        perform(batch, decision, moderator);
        return batch;
    }

    /**
     * Removes several items as spam at once (a spam wave): one decision per item, each in the audit log, all in one
     * batch so that one undo takes them all back. Nothing is removed if any of them was decided meanwhile.
     */
    @Transactional
    public long removeAsSpam(List<ChosenItem> chosen, Member moderator) {
        if (chosen.isEmpty()) {
            throw new InvalidInputException("items", "choose the items to remove as spam");
        }
        long batch = records.newBatch();
        String note = chosen.size() == 1 ? "Spam"
                : "Spam: removed with " + (chosen.size() - 1) + (chosen.size() == 2 ? " other item" : " other items");
        for (ChosenItem item : chosen) {
            perform(batch, new Decision(item.id(), ReviewAction.REMOVE, item.version(), note, false, 0), moderator);
        }
        return batch;
    }

    /** Every decision's one path. */
    private void perform(long batch, Decision decision, Member moderator) {
        decision.validate();
        long id = decision.itemId();
        ReviewItems.Locked locked = items.lock(id).orElseThrow(() -> new NotFoundException("Review item " + id));
        if (!DecisionRules.decidable(locked.status(), decision.version(), locked.version())) {
            throw new ConflictException("Another moderator already acted on this item (" + audit.lastAction(id)
                    + "). Nothing was changed; reload to see the current state.");
        }
        ItemDetail before = queue.item(id);
        handlers.check(decision, before);
        ReviewAction action = decision.action();
        ContentStatus to = DecisionRules.outcome(action, before.contentStatus(), before.hiddenByItsFlags());
        long record = records.record(batch, id, action, before.contentStatus(), to, moderator, decision.safetyNote());
        action.ruling().ifPresent(ruling -> lessons.learn(record, id, ruling));
        List<Long> flaggers = transitions.apply(new ItemTransitions.Transition(before, to, action.itemStatus,
                action.upholdsFlags ? 1 : 0, action.upholdsFlags ? 0 : 1, AuditAction.of(action), decision.note()),
                moderator, () -> handlers.apply(decision, before, record, moderator));
        notices.tellFlaggers(before, flaggers, action, to);
        if (before.authorId() != null) {
            if (to == ContentStatus.PUBLISHED) {
                // Approved content earns a new member basic trust: no more review of their first posts and links.
                standing.grantBasicTrust(before.authorId());
            }
            notices.tellAuthor(before, decision, to);
            if (decision.silenceDays() > 0) {
                standing.silence(before.authorId(), decision.silenceDays());
                audit.record(id, moderator, AuditAction.SILENCE_AUTHOR, to, to, decision.silenceDays() + " days");
            }
            if (decision.warn()) {
                audit.record(id, moderator, AuditAction.WARN_AUTHOR, to, to, decision.note());
            }
        }
        records.settle(record, id);
    }
}

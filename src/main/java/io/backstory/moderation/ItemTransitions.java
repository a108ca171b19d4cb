package io.backstory.moderation;

import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.ModeratedContent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The steps every change of a review item's outcome takes, a decision ({@link ReviewDecisions}) or its undo
 * ({@link DecisionUndo}), in this order: the content's status move with its history ({@code ModeratedContent}), the
 * action's own effects, the item's status, the flaggers' records ({@code MemberStanding}) and the audit-log step.
 */
@ApplicationScoped
class ItemTransitions {

    /**
     * One change: the item and its content move to {@code to} and {@code itemStatus}; each flagger's upheld and
     * dismissed counts change by {@code upheld} and {@code dismissed}; the log says {@code step} with {@code note}.
     */
    record Transition(ItemDetail item, ContentStatus to, ReviewItemStatus itemStatus, int upheld, int dismissed,
            AuditAction step, String note) {
    }

    private final ModeratedContent content;
    private final ReviewItems items;
    private final MemberStanding standing;
    private final AuditLog audit;

    ItemTransitions(ModeratedContent content, ReviewItems items, MemberStanding standing, AuditLog audit) {
        this.content = content;
        this.items = items;
        this.standing = standing;
        this.audit = audit;
    }

    /** Takes the steps, {@code effects} right after the status move; the item's flaggers, to tell them. */
    List<Long> apply(Transition change, Member moderator, Runnable effects) {
        ItemDetail item = change.item();
        content.moveStatus(item.target().kind(), item.targetId(), item.contentStatus(), change.to());
        effects.run();
        items.moveTo(item.id(), change.itemStatus());
        List<Long> flaggers = items.flaggers(item.id());
        standing.countFlags(flaggers, change.upheld(), change.dismissed());
        audit.record(item.id(), moderator, change.step(), item.contentStatus(), change.to(), change.note());
        return flaggers;
    }
}

package io.backstory.moderation;

import io.backstory.accounts.Member;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.text.ContentLimits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What each decision does to the post or comment besides moving its status (which {@link ItemTransitions} does for
 * all of them), and how undo takes it back: an edit replaces the text, an approval withdraws the screening model's
 * urgent-care guess, an approval with a note adds the note. Hiding, removing and dismissing flags do nothing more.
 */
@ApplicationScoped
class ActionHandlers {

    private final ModeratedContent content;
    private final DecisionRecords records;

    ActionHandlers(ModeratedContent content, DecisionRecords records) {
        this.content = content;
        this.records = records;
    }

    /** The decision's own checks once its item is known: an edit gets the post's or the comment's length limit. */
    void check(Decision decision, ItemDetail item) {
        if (decision.action() == ReviewAction.EDIT_AND_APPROVE) {
            decision.requireEditedText(item.target() == ReviewTarget.POST ? ContentLimits.POST_BODY_MAX
                    : ContentLimits.COMMENT_BODY_MAX);
        }
    }

    /** The decision's effects on the content, after its status moved; {@code recordId}: the decision's record. */
    void apply(Decision decision, ItemDetail item, long recordId, Member moderator) {
        switch (decision.action()) {
            case APPROVE -> withdrawModelUrgentCare(item, recordId);
            case APPROVE_WITH_NOTE -> {
                withdrawModelUrgentCare(item, recordId);
                content.addSafetyNotice(item.target().kind(), item.targetId(), decision.safetyNote());
            }
            case EDIT_AND_APPROVE -> {
                content.replaceText(item.target().kind(), item.targetId(), decision.editedText(), moderator.id);
                withdrawModelUrgentCare(item, recordId);
            }
            case HIDE, REMOVE, DISMISS_FLAGS -> {
            }
        }
    }

    /**
     * Takes back what a decision did besides the status move: the newest revision's place in the public history (publishing
     * adds it), the safety note, the model's urgent-care advice. An edit is never undone ({@link ReviewAction#undoable}).
     */
    void revert(DecisionRecords.Kept decision, ItemDetail item) {
        if (decision.revisionWasPublic() != null) {
            content.setNewestRevisionPublic(item.target().kind(), item.targetId(), decision.revisionWasPublic());
        }
        if (decision.safetyNote() != null) {
            content.removeSafetyNotice(item.target().kind(), item.targetId(), decision.safetyNote());
        }
        if (decision.modelUrgentCareRemoved()) {
            content.addUrgentCare(item.target().kind(), item.targetId(), ScreeningService.MODEL_RED_FLAG_NOTICE);
        }
    }

    /**
     * A moderator who approves a text has found no red-flag symptoms to check on: the screening model's urgent-care box,
     * its guess that there were, goes for the writer too (other readers never saw it). The rules' urgent-care advice
     * answers words the writer wrote and stays. The record remembers it, so that undo can put the box back.
     */
    private void withdrawModelUrgentCare(ItemDetail item, long recordId) {
        if (content.removeUrgentCare(item.target().kind(), item.targetId(), ScreeningService.MODEL_RED_FLAG_NOTICE)) {
            records.modelUrgentCareRemoved(recordId);
        }
    }
}

package io.backstory.moderation;

import java.util.List;
import java.util.Locale;

import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.content.ContentStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** What authors and flaggers are told of a decision and of its undo. */
@ApplicationScoped
public class DecisionNotices {

    private final NotificationService notifications;

    public DecisionNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Members who flagged the content hear what came of it (the link leads to it), so a flag never disappears into silence. */
    void tellFlaggers(ItemDetail item, List<Long> flaggers, ReviewAction action, ContentStatus outcomeStatus) {
        String what = item.target() == ReviewTarget.POST
                ? "The post \"" + NotificationService.POST_TITLE + "\" you flagged"
                : "The comment you flagged on \"" + NotificationService.POST_TITLE + "\"";
        String outcome = switch (action) {
            case HIDE -> what + " was hidden by a moderator. Thank you for flagging it.";
            case REMOVE -> what + " was removed by a moderator. Thank you for flagging it.";
            case EDIT_AND_APPROVE -> what + " was edited by a moderator. Thank you for flagging it.";
            case APPROVE, APPROVE_WITH_NOTE -> what + " was reviewed by a moderator and stays up.";
            case DISMISS_FLAGS -> what + " was reviewed by a moderator and "
                    + (outcomeStatus == ContentStatus.PUBLISHED ? "stays up." : "stays hidden, as a moderator decided earlier.");
        };
        String link = "/posts/" + item.postId();
        for (long flagger : flaggers) {
            notifications.notify(NotificationKind.FLAG_OUTCOME, flagger, null, item.postId(), outcome, link);
        }
    }

    /** The author hears the outcome, the moderator's reason, and any warning or silencing. */
    void tellAuthor(ItemDetail item, Decision decision, ContentStatus outcomeStatus) {
        String what = "Your " + item.target().noun() + " on \"" + NotificationService.POST_TITLE + "\"";
        String outcome = switch (decision.action()) {
            case APPROVE -> what + " was reviewed by a moderator and is public.";
            case DISMISS_FLAGS -> outcomeStatus == ContentStatus.PUBLISHED ? what + " was reviewed by a moderator and is public."
                    : what + " was flagged again; a moderator dismissed the flags, and it stays hidden as decided earlier.";
            case APPROVE_WITH_NOTE -> what + " was approved with a safety note from a moderator.";
            case EDIT_AND_APPROVE -> what + " was edited by a moderator and published.";
            case HIDE -> what + " was hidden by a moderator.";
            case REMOVE -> what + " was removed by a moderator.";
        };
        String note = decision.note();
        String reason = note == null || note.isBlank() ? "" : " Reason: " + note.strip();
        String extra = (decision.warn() ? " Please take this as a warning." : "")
                + (decision.silenceDays() > 0 ? " You cannot post for " + decision.silenceDays() + " days." : "");
        String link = item.target() == ReviewTarget.POST ? "/posts/" + item.postId()
                : "/posts/" + item.postId() + "#c" + item.targetId();
        notifications.notify(NotificationKind.MODERATION, item.authorId(), null, item.postId(), outcome + reason + extra, link);
    }

    /** The author hears that a decision about their writing was taken back. */
    void tellAuthorUndone(ItemDetail item, ReviewAction action) {
        notifications.notify(NotificationKind.MODERATION, item.authorId(), null, item.postId(),
                "A moderator took back the decision about your " + item.target().noun() + " on \""
                        + NotificationService.POST_TITLE + "\" (" + action.done().toLowerCase(Locale.ROOT)
                        + "); it is waiting for review again.", "/posts/" + item.postId());
    }
}

package io.backstory.writing;

import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Tells members named with @handle in a published post or comment, once per post or comment however often it is
 * edited (the {@code mention} table remembers). Nobody hears about their own mention, and a member a moderator has
 * silenced is not pulled back into threads by one.
 */
@ApplicationScoped
public class MentionService {

    private final EntityManager em;
    private final NotificationService notifications;
    /** A text may name at most this many members: more is a mass call-out, not a conversation. */
    private final int mentionsPerText;

    public MentionService(EntityManager em, NotificationService notifications, Limits limits) {
        this.em = em;
        this.notifications = notifications;
        this.mentionsPerText = limits.writing().mentionsPerText();
    }

    /** After a post was saved and is public. */
    @Transactional
    public void postSaved(long postId, String markdown, Member author) {
        tell(postId, null, markdown, author, "/posts/" + postId, "the post");
    }

    /** After a comment was saved and is public. */
    @Transactional
    public void commentSaved(long postId, long commentId, String markdown, Member author) {
        tell(postId, commentId, markdown, author, "/posts/" + postId + "#c" + commentId, "a comment on");
    }

    private void tell(long postId, Long commentId, String markdown, Member author, String link, String where) {
        List<String> handles = ReplyText.mentions(markdown).stream().limit(mentionsPerText).toList();
        // The mention row is the "once": a second save of the same text inserts nothing and tells nobody.
        String target = commentId == null ? "?2, null" : "null, ?2";
        for (String handle : handles) {
            @SuppressWarnings("unchecked")
            List<Number> told = em.createNativeQuery("""
                    insert into mention (member_id, post_id, comment_id)
                    select m.id, %s from member m
                    where lower(m.handle) = ?1 and m.id <> ?3 and (m.silenced_until is null or m.silenced_until < now())
                    on conflict do nothing
                    returning member_id""".formatted(target))
                    .setParameter(1, handle).setParameter(2, commentId == null ? postId : commentId)
                    .setParameter(3, author.id).getResultList();
            for (Number member : told) {
                notifications.notify(NotificationKind.MENTION, member.longValue(), author.id, postId,
                        NotificationService.ACTOR + " mentioned you in " + where + " \"" + NotificationService.POST_TITLE
                                + "\".", link);
            }
        }
    }
}

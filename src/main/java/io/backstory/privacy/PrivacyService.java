package io.backstory.privacy;

import io.backstory.taxonomy.TagSuggestion;
import io.backstory.platform.content.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backstory.drafts.DraftService;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.notifications.NotificationService;
import io.backstory.voting.VoteService;
import io.backstory.voting.VoteTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Health is sensitive: members can take everything they wrote with them, and delete their account so that
 * nothing personal stays behind. Their posts and comments are either removed or kept as "former member"
 * (their choice); votes, flags, notifications, the profile and the OIDC link are erased, and the tallies and
 * "helped" counts their votes touched are recounted. Kept under a salted hash of the login (the person key): hourly
 * counters, and a silencing or flagging record a moderator's decisions left, so that rejoining resets neither.
 */
@ApplicationScoped
public class PrivacyService {

    private final EntityManager em;
    private final VoteService votes;
    private final DraftService drafts;
    private final ScreeningLessons lessons;

    public PrivacyService(EntityManager em, VoteService votes, DraftService drafts, ScreeningLessons lessons) {
        this.em = em;
        this.votes = votes;
        this.drafts = drafts;
        this.lessons = lessons;
    }

    /** Everything the member wrote or did, as data for a JSON download. */
    @Transactional
    public Map<String, Object> export(long memberId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("profile", rows("""
                select handle, created_at as "memberSince", trust_level as "trustLevel", helped_count as "helped"
                from member where id = ?1""", memberId).get(0));
        export.put("posts", rows("""
                select p.id, p.kind, p.title, p.body_markdown as body, p.status, p.deleted, p.created_at as "createdAt",
                       p.edited_at as "editedAt",
                       (select string_agg(c.slug, ',') from post_condition pc join condition c on c.id = pc.condition_id
                        where pc.post_id = p.id) as conditions,
                       (select string_agg(r.slug || coalesce(':' || pr.outcome, ''), ',') from post_remedy pr
                        join remedy r on r.id = pr.remedy_id where pr.post_id = p.id) as remedies
                from post p where p.author_id = ?1 order by p.id""", memberId));
        export.put("comments", rows("""
                select id, post_id as "postId", parent_id as "parentId", body_markdown as body, status, deleted,
                       created_at as "createdAt" from comment where author_id = ?1 order by id""", memberId));
        export.put("votes", rows("""
                select 'post' as target, post_id as id, value, created_at as "createdAt" from post_vote where member_id = ?1
                union all
                select 'comment', comment_id, value, created_at from comment_vote where member_id = ?1""", memberId));
        export.put("flags", rows("""
                select post_id as "postId", comment_id as "commentId", reason, note, created_at as "createdAt"
                from content_flag where member_id = ?1 order by id""", memberId));
        export.put("tagSuggestions", rows("""
                select kind, name, note, status, created_at as "createdAt" from tag_suggestion where suggested_by = ?1""",
                memberId));
        export.put("follows", rows("""
                select c.slug as condition, f.created_at as "createdAt" from condition_follow f
                join condition c on c.id = f.condition_id where f.member_id = ?1""", memberId));
        export.put("bookmarks", rows("""
                select post_id as "postId", created_at as "createdAt" from bookmark where member_id = ?1""", memberId));
        export.put("notifications", rows("""
                select %s as text, n.link, n.created_at as "createdAt", n.read_at as "readAt" from %s
                where n.member_id = ?1 order by n.id""".formatted(NotificationService.SHOWN_TEXT, NotificationService.SHOWN_FROM),
                memberId));
        export.put("mailAddress", rows("""
                select address, pending_address as "waitingForConfirmation", stopped_at as "stoppedAt",
                       stopped_reason as "stoppedBecause" from mail_recipient where member_id = ?1""", memberId));
        export.put("mailChoices", rows("""
                select topic, frequency from mail_choice where member_id = ?1 order by topic""", memberId));

        export.put("drafts", drafts.list(memberId));
        return export;
    }

    /** Erases the member. {@code keepContent}: their posts and comments stay, credited to "former member". */
    @Transactional
    public void delete(long memberId, boolean keepContent) {
        List<?> votedPosts = em.createNativeQuery("select post_id from post_vote where member_id = ?1")
                .setParameter(1, memberId).getResultList();
        List<?> votedComments = em.createNativeQuery("select comment_id from comment_vote where member_id = ?1")
                .setParameter(1, memberId).getResultList();
        // Review items and their audit trail quote the text (screening excerpts, the screening model's whole sentences,
        // moderators' notes), which can name the member: the decisions stay, the words go, whether the content stays or not.
        lessons.forgetWordsOf(memberId);
        em.createNativeQuery("""
                update moderation_action set note = null where note is not null and review_item_id in (
                    select id from review_item where post_id in (select id from post where author_id = ?1)
                                                  or comment_id in (select id from comment where author_id = ?1))""")
                .setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("""
                update moderation_decision set safety_note = null where safety_note is not null and review_item_id in (
                    select id from review_item where post_id in (select id from post where author_id = ?1)
                                                  or comment_id in (select id from comment where author_id = ?1))""")
                .setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("""
                update review_item set reasons = '[content deleted by its author]'
                where post_id in (select id from post where author_id = ?1)
                   or comment_id in (select id from comment where author_id = ?1)""").setParameter(1, memberId)
                .executeUpdate();
        if (!keepContent) {
            // Suggestions are their words too: undecided or rejected ones go, approved ones keep only the tag name.
            em.createNativeQuery("delete from tag_suggestion where suggested_by = ?1 and status <> ?2")
                    .setParameter(1, memberId).setParameter(2, TagSuggestion.Status.APPROVED.name()).executeUpdate();
            em.createNativeQuery("update tag_suggestion set note = null where suggested_by = ?1")
                    .setParameter(1, memberId).executeUpdate();
            em.createNativeQuery("delete from post_revision where post_id in (select id from post where author_id = ?1)")
                    .setParameter(1, memberId).executeUpdate();
            em.createNativeQuery("delete from comment_revision where comment_id in (select id from comment where author_id = ?1)")
                    .setParameter(1, memberId).executeUpdate();
            // The search document is refreshed only when a post is written, so it is cleared with the text.
            em.createNativeQuery("""
                    update post set deleted = true, title = '[deleted]', body_markdown = '', body_html = '',
                           safety_notices = '{}', urgent_care = '{}', search_vector = ''::tsvector where author_id = ?1""")
                    .setParameter(1, memberId).executeUpdate();
            em.createNativeQuery("""
                    update comment set deleted = true, body_markdown = '', body_html = '', safety_notices = '{}',
                           urgent_care = '{}' where author_id = ?1""").setParameter(1, memberId).executeUpdate();
            em.createNativeQuery("""
                    update post p set comment_count = (select count(*) from comment c
                        where c.post_id = p.id and %s)
                    where p.id in (select post_id from comment where author_id = ?1)""".formatted(Visibility.toReadersSql("c")))
                    .setParameter(1, memberId)
                    .executeUpdate();
        }
        em.createNativeQuery("update post set author_id = null where author_id = ?1").setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("update comment set author_id = null where author_id = ?1").setParameter(1, memberId).executeUpdate();
        // Rate-limit counters are keyed by the person key and stay; so does a moderator's silencing and the flagging
        // record (keyed by the same hash, no words, no handle), so that leaving and returning resets neither.
        em.createNativeQuery("""
                insert into person_standing (person_key, flags_upheld, flags_dismissed, silenced_until)
                select person_key(oidc_subject), flags_upheld, flags_dismissed, silenced_until from member
                where id = ?1 and (flags_upheld > 0 or flags_dismissed > 0 or silenced_until > now())
                on conflict (person_key) do update set flags_upheld = excluded.flags_upheld,
                    flags_dismissed = excluded.flags_dismissed, silenced_until = excluded.silenced_until""")
                .setParameter(1, memberId).executeUpdate();
        // Votes, flags and notifications go with the member (foreign keys cascade); revisions and moderation
        // records keep their rows with the member reference cleared.
        em.createNativeQuery("delete from member where id = ?1").setParameter(1, memberId).executeUpdate();
        votes.recountAfterVoterLeft(VoteTarget.POST, ids(votedPosts));
        votes.recountAfterVoterLeft(VoteTarget.COMMENT, ids(votedComments));
    }

    private static List<Long> ids(List<?> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private List<Map<String, Object>> rows(String sql, long memberId) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> tuples = em.createNativeQuery(sql, jakarta.persistence.Tuple.class)
                .setParameter(1, memberId).getResultList();
        return tuples.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            t.getElements().forEach(e -> row.put(e.getAlias(), t.get(e)));
            return row;
        }).toList();
    }
}

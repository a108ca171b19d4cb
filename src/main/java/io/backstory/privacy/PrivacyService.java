package io.backstory.privacy;

import io.backstory.accounts.MemberService;
import io.backstory.community.ContentStore;
import io.backstory.moderation.ModerationErasure;
import io.backstory.taxonomy.TaxonomyService;
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
    private final ModerationErasure moderation;
    private final TaxonomyService taxonomy;
    private final ContentStore content;
    private final MemberService members;

    public PrivacyService(EntityManager em, VoteService votes, DraftService drafts, ScreeningLessons lessons,
            ModerationErasure moderation, TaxonomyService taxonomy, ContentStore content, MemberService members) {
        this.em = em;
        this.moderation = moderation;
        this.taxonomy = taxonomy;
        this.content = content;
        this.members = members;
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
        moderation.forgetWordsAbout(memberId);
        if (!keepContent) {
            taxonomy.forgetSuggestionsOf(memberId);
        }
        content.eraseAuthor(memberId, keepContent);
        // Rate-limit counters are keyed by the person key and stay, like the standing the member leaves behind.
        members.erase(memberId);
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

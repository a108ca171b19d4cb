package io.backstory.following;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.PostKind;
import io.backstory.platform.db.SqlEnum;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.backstory.platform.content.Visibility;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.db.NamedRow;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Following conditions and bookmarking posts, and telling followers about new posts. */
@ApplicationScoped
public class FollowingService {

    public record Bookmark(long postId, String title, Instant savedAt) {
    }

    private final EntityManager em;
    private final TagResolver tags;
    private final NotificationService notifications;

    private final PageSizes pageSizes;

    public FollowingService(EntityManager em, TagResolver tags, NotificationService notifications, PageSizes pageSizes) {
        this.em = em;
        this.pageSizes = pageSizes;
        this.tags = tags;
        this.notifications = notifications;
    }

    @Transactional
    public void follow(long memberId, String conditionSlug, boolean follow) {
        long conditionId = tags.existingCondition(conditionSlug).id;
        em.createNativeQuery(follow
                ? "insert into condition_follow (member_id, condition_id) values (?1, ?2) on conflict do nothing"
                : "delete from condition_follow where member_id = ?1 and condition_id = ?2")
                .setParameter(1, memberId).setParameter(2, conditionId).executeUpdate();
    }

    @Transactional
    public boolean follows(long memberId, String conditionSlug) {
        return !em.createNativeQuery("""
                select 1 from condition_follow f join condition c on c.id = f.condition_id
                where f.member_id = ?1 and c.slug = ?2""").setParameter(1, memberId).setParameter(2, conditionSlug)
                .getResultList().isEmpty();
    }

    /** One notification per follower of any of the post's conditions (not its author), however many they follow. */
    @Transactional
    public void announceNewPost(long postId) {
        List<NamedRow> followers = NamedRow.all(em.createNativeQuery("""
                select distinct f.member_id, (select string_agg(c.name, ', ' order by c.name)
                        from post_condition pc2 join condition c on c.id = pc2.condition_id where pc2.post_id = p.id) as conditions
                from post p
                join post_condition pc on pc.post_id = p.id
                join condition_follow f on f.condition_id = pc.condition_id
                where p.id = ?1 and %s
                  and (p.author_id is null or f.member_id <> p.author_id)""".formatted(Visibility.toReadersSql("p")),
                Tuple.class).setParameter(1, postId));
        if (!followers.isEmpty()) {
            notifications.notifyAll(NotificationKind.NEW_POST, followers.stream().map(f -> f.number("member_id")).toList(),
                    postId, "New post in " + followers.get(0).text("conditions") + ": \"" + NotificationService.POST_TITLE
                            + "\"", "/posts/" + postId);
        }
    }

    /** A new tip or story from a condition someone follows, for their digest. */
    public record FollowedPost(long id, String title, String kind, String authorHandle, String conditions) {
    }

    /**
     * The best tips and stories published in conditions the member follows, created in {@code [from, until)}, ranked
     * by Best as the site's lists are; public posts only, never the member's own.
     */
    @Transactional
    public List<FollowedPost> bestNewPosts(long memberId, Instant from, Instant until, int limit) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery("""
                select p.id, p.title, p.kind, a.handle as author,
                       (select string_agg(c.name, ', ' order by c.name) from post_condition pc
                        join condition c on c.id = pc.condition_id where pc.post_id = p.id) as conditions
                from post p left join member a on a.id = p.author_id
                where %s and p.kind in %s and p.created_at >= ?2 and p.created_at < ?3
                  and (p.author_id is null or p.author_id <> ?1)
                  and exists (select 1 from post_condition pc join condition_follow f on f.condition_id = pc.condition_id
                              where pc.post_id = p.id and f.member_id = ?1)
                order by p.best_rank desc, p.id desc limit ?4""".formatted(Visibility.toReadersSql("p"),
                SqlEnum.in(PostKind.TIP, PostKind.STORY)), jakarta.persistence.Tuple.class).setParameter(1, memberId).setParameter(2, from).setParameter(3, until)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new FollowedPost(r.get("id", Number.class).longValue(), r.get("title", String.class),
                r.get("kind", String.class), r.get("author", String.class), r.get("conditions", String.class))).toList();
    }

    @Transactional
    public void bookmark(long memberId, long postId, boolean save) {
        em.createNativeQuery(save
                ? "insert into bookmark (member_id, post_id) select ?1, id from post where id = ?2 on conflict do nothing"
                : "delete from bookmark where member_id = ?1 and post_id = ?2")
                .setParameter(1, memberId).setParameter(2, postId).executeUpdate();
    }

    @Transactional
    public boolean isBookmarked(long memberId, long postId) {
        return !em.createNativeQuery("select 1 from bookmark where member_id = ?1 and post_id = ?2")
                .setParameter(1, memberId).setParameter(2, postId).getResultList().isEmpty();
    }

    @Transactional
    public List<Bookmark> bookmarks(long memberId) {
        return NamedRow.all(em.createNativeQuery("""
                select p.id, p.title, b.created_at from bookmark b join post p on p.id = b.post_id
                where b.member_id = ?1 and %s
                order by b.created_at desc limit ?2""".formatted(Visibility.toReadersSql("p")), Tuple.class).setParameter(1, memberId)
                .setParameter(2, pageSizes.bookmarks())).stream()
                .map(r -> new Bookmark(r.number("id"), r.text("title"), r.instant("created_at"))).toList();
    }

    /** A published post by id, as a bookmark would show it (saved now), for the "removed" note that offers it back. */
    @Transactional
    public Optional<Bookmark> post(long postId) {
        return NamedRow.all(em.createNativeQuery(
                "select p.id, p.title from post p where p.id = ?1 and " + Visibility.toReadersSql("p"), Tuple.class)
                .setParameter(1, postId)).stream().findFirst()
                .map(r -> new Bookmark(r.number("id"), r.text("title"), Instant.now()));
    }

    /** A condition by slug, for the "stopped following" note that offers to follow it again. */
    @Transactional
    public Optional<FollowedCondition> condition(String slug) {
        return tags.condition(slug).map(c -> new FollowedCondition(c.slug, c.name, Instant.now()));
    }

    /** A condition the member follows, since when. */
    public record FollowedCondition(String slug, String name, Instant since) {
    }

    @Transactional
    public List<FollowedCondition> followedConditions(long memberId) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery("""
                select c.slug, c.name, f.created_at as since from condition_follow f
                join condition c on c.id = f.condition_id where f.member_id = ?1 order by c.name""",
                jakarta.persistence.Tuple.class).setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new FollowedCondition(r.get("slug", String.class), r.get("name", String.class),
                r.get("since", Instant.class))).toList();
    }
}

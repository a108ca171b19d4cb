package io.backstory.notifications;

import java.time.Instant;
import java.util.List;

import io.backstory.community.AuthoredContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** In-app notifications: what happened to a member's content, and where to look. */
@ApplicationScoped
public class NotificationService {

    public record Notification(long id, String text, String link, Instant createdAt, boolean unread,
            NotificationKind kind) {
    }

    private static final int SHOWN = 50;

    private final EntityManager em;

    public NotificationService(EntityManager em) {
        this.em = em;
    }

    /** Where a notification names the member who caused it; filled in when shown, so deleting that member erases it. */
    public static final String ACTOR = "\u0001";
    /**
     * Where a notification quotes the title of its post; filled in when shown, so the title stays the author's and is
     * shown only while its reader may see the post.
     */
    public static final String POST_TITLE = "\u0002";
    /**
     * SQL for a notification's text as shown, over {@link #SHOWN_FROM}. The post's title appears while the post is
     * public or the reader wrote it; a title edited into text held for review never reaches followers.
     */
    public static final String SHOWN_TEXT = "replace(replace(n.text, chr(1), coalesce(a.handle, 'A former member')), "
            + "chr(2), case when " + AuthoredContent.visibleSql("np") + " or (np.author_id = n.member_id and not np.deleted)"
            + " then np.title when not np.deleted and np.status <> 'REMOVED' then 'a post under review'"
            + " else 'a removed post' end)";
    /** The notification {@code n} with its actor {@code a} and its post {@code np}. */
    public static final String SHOWN_FROM = "notification n left join member a on a.id = n.actor_id "
            + "left join post np on np.id = n.post_id";

    @Transactional
    public void notify(long memberId, String text, String link) {
        notify(memberId, null, null, text, link);
    }

    /**
     * A notification about something {@code actorId} did (or null) to post {@code postId} (or null); {@code text}
     * names them with {@link #ACTOR} and {@link #POST_TITLE}.
     */
    @Transactional
    public void notify(long memberId, Long actorId, Long postId, String text, String link) {
        notify(memberId, actorId, postId, text, link, NotificationKind.ACTIVITY);
    }

    @Transactional
    public void notify(long memberId, Long actorId, Long postId, String text, String link, NotificationKind kind) {
        em.createNativeQuery("""
                insert into notification (member_id, actor_id, post_id, text, link, kind)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, memberId).setParameter(2, actorId).setParameter(3, postId).setParameter(4, shortened(text))
                .setParameter(5, link).setParameter(6, kind.name()).executeUpdate();
    }

    /** The column holds 2,000 characters; a notification quoting a long note says the start and links to the rest. */
    static String shortened(String text) {
        int max = 2000;
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    @Transactional
    public List<Notification> recent(long memberId) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery("""
                select n.id, %s as text, n.link, n.created_at, n.read_at is null as unread, n.kind from %s
                where n.member_id = ?1 order by n.created_at desc, n.id desc limit ?2""".formatted(SHOWN_TEXT, SHOWN_FROM),
                jakarta.persistence.Tuple.class).setParameter(1, memberId).setParameter(2, SHOWN).getResultList();
        return rows.stream().map(r -> new Notification(r.get("id", Number.class).longValue(), r.get("text", String.class),
                r.get("link", String.class), r.get("created_at", Instant.class), r.get("unread", Boolean.class),
                NotificationKind.valueOf(r.get("kind", String.class)))).toList();
    }

    @Transactional
    public long unreadCount(long memberId) {
        return ((Number) em.createNativeQuery("select count(*) from notification where member_id = ?1 and read_at is null")
                .setParameter(1, memberId).getSingleResult()).longValue();
    }

    @Transactional
    public void markAllRead(long memberId) {
        em.createNativeQuery("update notification set read_at = now() where member_id = ?1 and read_at is null")
                .setParameter(1, memberId).executeUpdate();
    }
}

package io.backstory.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.SqlEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** In-app notifications: what happened to a member's content, and where to look. */
@ApplicationScoped
public class NotificationService {

    public record Notification(long id, String text, String link, Instant createdAt, boolean unread,
            NotificationKind kind) {
    }

    private final EntityManager em;
    private final Event<NotificationsCreated> created;

    private final PageSizes pageSizes;

    public NotificationService(EntityManager em, Event<NotificationsCreated> created, PageSizes pageSizes) {
        this.em = em;
        this.pageSizes = pageSizes;
        this.created = created;
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
            + "chr(2), case when " + Visibility.toReadersSql("np") + " or (np.author_id = n.member_id and not np.deleted)"
            + " then np.title when not np.deleted and np.status <> " + SqlEnum.literal(ContentStatus.REMOVED)
            + " then 'a post under review'"
            + " else 'a removed post' end)";
    /** The notification {@code n} with its actor {@code a} and its post {@code np}. */
    public static final String SHOWN_FROM = "notification n left join member a on a.id = n.actor_id "
            + "left join post np on np.id = n.post_id";

    /**
     * A notification of this kind about something {@code actorId} did (or null) to post {@code postId} (or null);
     * {@code text} names them with {@link #ACTOR} and {@link #POST_TITLE}.
     */
    @Transactional
    public void notify(NotificationKind kind, long memberId, Long actorId, Long postId, String text, String link) {
        Number id = (Number) em.createNativeQuery("""
                insert into notification (kind, member_id, actor_id, post_id, text, link) values (?1, ?2, ?3, ?4, ?5, ?6)
                returning id""").setParameter(1, kind.name()).setParameter(2, memberId).setParameter(3, actorId)
                .setParameter(4, postId).setParameter(5, shortened(text)).setParameter(6, link).getSingleResult();
        announce(kind, List.of(id.longValue()));
    }

    /** The same notification about post {@code postId} (or null) for each of these members. */
    @Transactional
    public void notifyAll(NotificationKind kind, Collection<Long> memberIds, Long postId, String text, String link) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                insert into notification (kind, member_id, post_id, text, link)
                select ?1, m.id, ?3, ?4, ?5 from member m where m.id in (?2)
                returning id""").setParameter(1, kind.name()).setParameter(2, memberIds).setParameter(3, postId)
                .setParameter(4, shortened(text)).setParameter(5, link).getResultList();
        announce(kind, ids.stream().map(Number::longValue).toList());
    }

    /** Tells other features, in this transaction, about notifications just written (mail/ queues their e-mails). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(NotificationKind kind, List<Long> ids) {
        if (!ids.isEmpty()) {
            created.fire(new NotificationsCreated(kind, ids));
        }
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
                jakarta.persistence.Tuple.class).setParameter(1, memberId).setParameter(2, pageSizes.notifications()).getResultList();
        return rows.stream().map(r -> new Notification(r.get("id", Number.class).longValue(), r.get("text", String.class),
                r.get("link", String.class), r.get("created_at", Instant.class), r.get("unread", Boolean.class),
                NotificationKind.valueOf(r.get("kind", String.class)))).toList();
    }

    /**
     * A notification as it goes out by mail: its text as shown to its reader now, and whether its post is public (a
     * notice about a new post is not worth a mail once the post is held or hidden).
     */
    public record Delivery(NotificationKind kind, String text, String link, boolean postPublic, Instant createdAt) {
    }

    /** The member's notification {@code id}, as it would be shown now; empty if it is gone. */
    @Transactional
    public Optional<Delivery> delivery(long id, long memberId) {
        return deliveries("n.id = ?1 and n.member_id = ?2", id, memberId).stream().findFirst();
    }

    /** The member's notifications of these kinds written in {@code [from, until)}, oldest first, at most 100. */
    @Transactional
    public List<Delivery> deliveries(long memberId, Collection<NotificationKind> kinds, Instant from, Instant until) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return deliveries("n.member_id = ?1 and n.kind in (?2) and n.created_at >= ?3 and n.created_at < ?4", memberId,
                kinds.stream().map(Enum::name).toList(), from, until);
    }

    private List<Delivery> deliveries(String where, Object... parameters) {
        Query query = em.createNativeQuery("""
                select n.kind, %s as text, n.link, coalesce(%s, false) as public, n.created_at as created from %s
                where %s order by n.created_at, n.id limit %d""".formatted(SHOWN_TEXT, Visibility.toReadersSql("np"),
                SHOWN_FROM, where, pageSizes.digestNotifications()), Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(r -> new Delivery(NotificationKind.valueOf(r.get("kind", String.class)),
                r.get("text", String.class), r.get("link", String.class), r.get("public", Boolean.class),
                r.get("created", Instant.class))).toList();
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

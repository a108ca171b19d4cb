package io.backstory.notifications;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** In-app notifications: what happened to a member's content, and where to look. */
@ApplicationScoped
public class NotificationService {

    public record Notification(long id, String text, String link, Instant createdAt, boolean unread) {
    }

    private static final int SHOWN = 50;

    private final EntityManager em;

    public NotificationService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void notify(long memberId, String text, String link) {
        em.createNativeQuery("insert into notification (member_id, text, link) values (?1, ?2, ?3)")
                .setParameter(1, memberId).setParameter(2, text).setParameter(3, link).executeUpdate();
    }

    @Transactional
    public List<Notification> recent(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, text, link, created_at, read_at is null from notification
                where member_id = ?1 order by created_at desc, id desc limit ?2""")
                .setParameter(1, memberId).setParameter(2, SHOWN).getResultList();
        return rows.stream().map(r -> new Notification(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (Instant) r[3], (Boolean) r[4])).toList();
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

package io.backstory.moderation;

import java.util.List;
import java.util.Optional;

import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The rows of {@code review_item}: one open item per post or comment, which screening and flags add to, and which a
 * decision closes and an undo opens again. Every change bumps the item's version, which a moderator's decision names.
 */
@ApplicationScoped
public class ReviewItems {

    /** An item's status and version, locked until the transaction ends. */
    record Locked(ReviewItemStatus status, int version) {
    }

    private final EntityManager em;

    public ReviewItems(EntityManager em) {
        this.em = em;
    }

    /**
     * The open item about the post or comment: a new one, or the one already open with its severity raised to
     * {@code severity} if that is higher (its category stays). Its id.
     */
    long open(ReviewTarget target, long targetId, int severity, ReviewCategory category) {
        return ((Number) em.createNativeQuery("""
                insert into review_item (%1$s, severity, category) values (?1, ?2, ?3)
                on conflict (%1$s) where status = %2$s and %1$s is not null
                do update set severity = greatest(review_item.severity, excluded.severity), updated_at = now()
                returning id""".formatted(target.column, SqlEnum.literal(ReviewItemStatus.OPEN)))
                .setParameter(1, targetId).setParameter(2, severity).setParameter(3, category.name())
                .getSingleResult()).longValue();
    }

    /** Locks the item for a decision or its undo; empty if there is no such item. */
    Optional<Locked> lock(long id) {
        return NamedRow.all(em.createNativeQuery("select status, version from review_item where id = ?1 for update",
                Tuple.class).setParameter(1, id)).stream()
                .map(r -> new Locked(r.enumValue("status", ReviewItemStatus.class), (int) r.number("version"))).findFirst();
    }

    /** Moves the item to {@code status} (closed by a decision, or open again by its undo). */
    void moveTo(long id, ReviewItemStatus status) {
        em.createNativeQuery("update review_item set status = ?1, version = version + 1, updated_at = now() where id = ?2")
                .setParameter(1, status.name()).setParameter(2, id).executeUpdate();
    }

    /** Whether an item about this post or comment is open. */
    boolean anyOpen(ReviewTarget target, long targetId) {
        return !em.createNativeQuery("select 1 from review_item where status = " + SqlEnum.literal(ReviewItemStatus.OPEN)
                + " and " + target.column + " = ?1").setParameter(1, targetId).getResultList().isEmpty();
    }

    /** The members who flagged what this item is about (each once: a member flags a post or comment once). */
    List<Long> flaggers(long id) {
        return NamedRow.all(em.createNativeQuery("select distinct member_id from content_flag where review_item_id = ?1",
                Tuple.class).setParameter(1, id)).stream().map(f -> f.number("member_id")).toList();
    }
}

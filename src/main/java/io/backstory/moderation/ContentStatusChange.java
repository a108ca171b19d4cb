package io.backstory.moderation;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.api.FormValues;
import jakarta.persistence.EntityManager;

/**
 * Moves a post or comment between statuses with a plain SQL update (moderation must not bump the author's
 * edit version), keeps the post's comment count equal to its public comments and the public revision history equal
 * to the versions the public could read.
 */
final class ContentStatusChange {

    private ContentStatusChange() {
    }

    /** One audit-log row; {@code moderatorId} null for automatic transitions (screening, member flags). */
    static void log(EntityManager em, long itemId, Long moderatorId, AuditAction action, ContentStatus from, ContentStatus to,
            String note) {
        em.createNativeQuery("insert into moderation_action (review_item_id, moderator_id, action, from_status, to_status, note)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, itemId).setParameter(2, moderatorId)
                .setParameter(3, action.name()).setParameter(4, from.name()).setParameter(5, to.name())
                .setParameter(6, FormValues.blankToNull(note)).executeUpdate();
    }

    static void apply(EntityManager em, ReviewTarget target, long id, ContentStatus from, ContentStatus to) {
        if (from == to) {
            return;
        }
        em.createNativeQuery("update " + target.table + " set status = ?1 where id = ?2")
                .setParameter(1, to.name()).setParameter(2, id).executeUpdate();
        if (to == ContentStatus.PUBLISHED) {
            // What the public now reads joins its revision history (a version saved while held was not in it).
            em.createNativeQuery("update " + target.table + "_revision set in_public_history = true where " + target.column
                    + " = ?1 and revision = (select max(revision) from " + target.table + "_revision where "
                    + target.column + " = ?1)").setParameter(1, id).executeUpdate();
        }
        if (target == ReviewTarget.COMMENT && (from == ContentStatus.PUBLISHED || to == ContentStatus.PUBLISHED)) {
            em.createNativeQuery("update post set comment_count = greatest(comment_count + ?1, 0)"
                    + " where id = (select post_id from comment where id = ?2)")
                    .setParameter(1, to == ContentStatus.PUBLISHED ? 1 : -1).setParameter(2, id).executeUpdate();
        }
    }
}

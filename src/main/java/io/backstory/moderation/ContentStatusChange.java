package io.backstory.moderation;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.api.FormValues;
import jakarta.persistence.EntityManager;

/**
 * The audit log of status moves. The moves themselves are community's ({@code ModeratedContent.moveStatus}), which
 * also keeps the post's comment count and the public revision history in step.
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
}

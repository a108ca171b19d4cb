package io.backstory.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A member's words leave the moderation records when their account is deleted: review items and their audit trail
 * quote the text (screening excerpts, moderators' notes), which can name the member. The decisions stay.
 */
@ApplicationScoped
public class ModerationErasure {

    private static final String ABOUT_AUTHOR = """
            select id from review_item where post_id in (select id from post where author_id = ?1)
                                          or comment_id in (select id from comment where author_id = ?1)""";

    private final EntityManager em;
    private final ReviewReasons reasons;

    public ModerationErasure(EntityManager em, ReviewReasons reasons) {
        this.em = em;
        this.reasons = reasons;
    }

    /** Call before the author's posts and comments lose their author. */
    public void forgetWordsAbout(long authorId) {
        em.createNativeQuery("update moderation_action set note = null where note is not null and review_item_id in ("
                + ABOUT_AUTHOR + ")").setParameter(1, authorId).executeUpdate();
        em.createNativeQuery("update moderation_decision set safety_note = null where safety_note is not null"
                + " and review_item_id in (" + ABOUT_AUTHOR + ")").setParameter(1, authorId).executeUpdate();
        reasons.erase(ABOUT_AUTHOR, authorId);
    }
}

package io.backstory.moderation.model;

import java.util.List;

import io.backstory.moderation.ScreeningCategory;
import io.backstory.moderation.ScreeningResult;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Moderators' decisions as labelled sentences for the screening model (tables {@code screened_sentence} and
 * {@code screening_lesson}, V31). Screening notes which sentences it queued an item for; a decision on the item labels
 * them: upheld (hidden, removed, rewritten) as what screening suspected, overruled (approved, flags dismissed) as benign.
 * Red-flag sentences teach nothing by a decision: approving one means "publish it", not "this is no red flag".
 */
@ApplicationScoped
public class ScreeningLessons {

    /** What a moderator's decision says about screening's suspicion. */
    public enum Ruling {
        UPHELD, OVERRULED
    }

    private final EntityManager em;

    ScreeningLessons(EntityManager em) {
        this.em = em;
    }

    /** Remembers the sentences screening queued item {@code itemId} for, with what it suspected of each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteScreened(long itemId, List<ScreeningResult.Match> matches) {
        for (ScreeningResult.Match match : matches) {
            if (match.category() != null && match.sentence() != null && !match.sentence().isBlank()) {
                em.createNativeQuery("""
                        insert into screened_sentence (review_item_id, sentence, category) values (?1, ?2, ?3)
                        on conflict do nothing""")
                        .setParameter(1, itemId).setParameter(2, match.sentence()).setParameter(3, match.category().name())
                        .executeUpdate();
            }
        }
    }

    /** Labels the item's screened sentences by decision {@code decisionId}; returns how many lessons that makes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int learn(long decisionId, long itemId, Ruling ruling) {
        return em.createNativeQuery("""
                insert into screening_lesson (sentence, label, decision_id)
                select sentence, case when ?3 then category else ?5 end, ?1 from screened_sentence
                where review_item_id = ?2 and category <> ?4""")
                .setParameter(5, SentenceLabel.BENIGN.name())
                .setParameter(1, decisionId).setParameter(2, itemId).setParameter(3, ruling == Ruling.UPHELD)
                .setParameter(4, ScreeningCategory.RED_FLAG.name()).executeUpdate();
    }

    /** An undone batch of decisions takes its lessons back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetBatch(long batch) {
        em.createNativeQuery("""
                delete from screening_lesson where decision_id in (select id from moderation_decision where batch_id = ?1)""")
                .setParameter(1, batch).executeUpdate();
    }

    /** A member who deletes their account takes their sentences out of what the model learns from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetWordsOf(long memberId) {
        String items = """
                select id from review_item where post_id in (select id from post where author_id = ?1)
                                              or comment_id in (select id from comment where author_id = ?1)""";
        em.createNativeQuery("delete from screening_lesson where decision_id in (select id from moderation_decision "
                + "where review_item_id in (" + items + "))").setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("delete from screened_sentence where review_item_id in (" + items + ")")
                .setParameter(1, memberId).executeUpdate();
    }

    /** The newest lesson's id; 0 when there is none. */
    @Transactional
    public long lastLessonId() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from screening_lesson").getSingleResult()).longValue();
    }

    /** The lessons up to {@code lastId}, the newest label of each sentence. */
    @Transactional
    public List<LabelledSentence> upTo(long lastId) {
        return NamedRow.all(em.createNativeQuery("""
                select distinct on (sentence) sentence, label from screening_lesson where id <= ?1 order by sentence, id desc""",
                Tuple.class).setParameter(1, lastId)).stream()
                .map(r -> new LabelledSentence(r.enumValue("label", SentenceLabel.class), r.text("sentence"))).toList();
    }
}

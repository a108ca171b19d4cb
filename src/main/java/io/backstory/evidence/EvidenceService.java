package io.backstory.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.backstory.taxonomy.TagResolver;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * "What helped": remedy outcomes reported in published posts, ranked by the lower bound of the helped share's Wilson
 * interval so that a few lucky reports do not outrank many consistent ones. The counts are kept per condition and
 * remedy by database triggers as posts change (migration V13), so a page reads a few dozen rows.
 */
@ApplicationScoped
public class EvidenceService {

    private static final Comparator<EvidenceRow> RANKING = Comparator.comparingDouble(EvidenceRow::lowerBound).reversed()
            .thenComparing(Comparator.comparingInt(EvidenceRow::reports).reversed())
            .thenComparing(EvidenceRow::name);

    private final EntityManager em;
    private final TagResolver tags;

    public EvidenceService(EntityManager em, TagResolver tags) {
        this.em = em;
        this.tags = tags;
    }

    /** For each remedy reported in this condition's posts. */
    @Transactional
    public Evidence forCondition(String conditionSlug) {
        long conditionId = tags.existingCondition(conditionSlug).id;
        return evidence("""
                select r.slug, r.name, e.helped, e.no_change, e.worse
                from condition_remedy_evidence e join remedy r on r.id = e.remedy_id
                where e.condition_id = ?1 and e.helped + e.no_change + e.worse > 0""", conditionId);
    }

    /** How one remedy fared in each condition its reports are tagged with. */
    @Transactional
    public Evidence forRemedy(String remedySlug) {
        long remedyId = tags.existingRemedy(remedySlug).id;
        return evidence("""
                select c.slug, c.name, e.helped, e.no_change, e.worse
                from condition_remedy_evidence e join condition c on c.id = e.condition_id
                where e.remedy_id = ?1 and e.helped + e.no_change + e.worse > 0""", remedyId);
    }

    private Evidence evidence(String sql, long id) {
        List<EvidenceRow> ranked = new ArrayList<>();
        List<EvidenceRow> tooFew = new ArrayList<>();
        for (NamedRow r : NamedRow.all(em.createNativeQuery(sql, Tuple.class).setParameter(1, id))) {
            EvidenceRow row = EvidenceRow.of(r.text("slug"), r.text("name"), (int) r.number("helped"),
                    (int) r.number("no_change"), (int) r.number("worse"));
            (row.isEnoughReports() ? ranked : tooFew).add(row);
        }
        ranked.sort(RANKING);
        tooFew.sort(RANKING);
        return new Evidence(List.copyOf(ranked), List.copyOf(tooFew));
    }
}

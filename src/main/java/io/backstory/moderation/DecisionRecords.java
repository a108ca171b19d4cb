package io.backstory.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;


import io.backstory.accounts.Member;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.Limits;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Moderators' decisions as they can be undone for a while ({@code moderation_decision}, V23): what each changed
 * besides the statuses, so that undo can put it back. A batch is one press of a button: one decision, or "remove as
 * spam" over several items.
 */
@ApplicationScoped
public class DecisionRecords {

    /**
     * The confirmation shown after a decision: what was done to how many items (for one, the post's title, and whether
     * it was a comment on that post rather than the post), and whether undo is still possible.
     */
    public record Confirmation(long batch, String done, int items, String title, boolean comment, long firstItem,
            boolean undoable, boolean undone) {
    }

    private final EntityManager em;
    private final Duration undoWindow;

    public DecisionRecords(EntityManager em, Limits limits) {
        this.em = em;
        this.undoWindow = limits.moderation().undoWindow();
    }

    /** How long a decision can be undone. */
    Duration undoWindow() {
        return undoWindow;
    }

    long newBatch() {
        return ((Number) em.createNativeQuery("select nextval('moderation_batch_seq')").getSingleResult()).longValue();
    }

    /**
     * Keeps what the decision is about to change besides the statuses (the newest revision's place in the public
     * history, the author's trust and silencing); call before changing them. The item's version after the decision is
     * filled in by {@link #settle} once it is taken.
     */
    long record(long batch, long itemId, ReviewAction action, ContentStatus from, ContentStatus to, Member moderator,
            String safetyNote) {
        return ((Number) em.createNativeQuery("""
                insert into moderation_decision (batch_id, review_item_id, moderator_id, action, item_version, from_status,
                       to_status, revision_was_public, author_trust_before, author_silenced_before, safety_note)
                select ?1, r.id, ?2, ?3, r.version, ?4, ?5,
                       case when r.post_id is not null
                            then (select pr.in_public_history from post_revision pr where pr.post_id = r.post_id
                                  order by pr.revision desc limit 1)
                            else (select cr.in_public_history from comment_revision cr where cr.comment_id = r.comment_id
                                  order by cr.revision desc limit 1) end,
                       m.trust_level, m.silenced_until, ?6
                from review_item r left join post p on p.id = r.post_id left join comment c on c.id = r.comment_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.id = ?7 returning id""")
                .setParameter(1, batch).setParameter(2, moderator.id).setParameter(3, action.name())
                .setParameter(4, from.name()).setParameter(5, to.name()).setParameter(6, safetyNote).setParameter(7, itemId)
                .getSingleResult()).longValue();
    }

    /** The decision took away the screening model's urgent-care advice: undo puts it back. */
    void modelUrgentCareRemoved(long decision) {
        em.createNativeQuery("update moderation_decision set model_urgent_care_removed = true where id = ?1")
                .setParameter(1, decision).executeUpdate();
    }

    /** The decision is taken: the item's version now is the one undo expects to find. */
    void settle(long decision, long itemId) {
        em.createNativeQuery("update moderation_decision set item_version = (select version from review_item where id = ?1)"
                + " where id = ?2").setParameter(1, itemId).setParameter(2, decision).executeUpdate();
    }

    /**
     * A decision as undo reads it: what it changed and what was before ({@code revisionWasPublic} null: the content
     * had no revision; {@code authorTrustBefore} null: a former member's), when it was taken and the database's time
     * now, and its item's version then and now.
     */
    record Kept(long itemId, ReviewAction action, ContentStatus from, String safetyNote, boolean modelUrgentCareRemoved,
            Boolean revisionWasPublic, Integer authorTrustBefore, Instant authorSilencedBefore, boolean undone,
            Instant decidedAt, Instant now, long itemVersion, long currentVersion) {
    }

    /** The decisions of a batch this moderator took, with their items locked, for undo. */
    List<Kept> batchToUndo(long batch, Member moderator) {
        return NamedRow.all(em.createNativeQuery("""
                select d.review_item_id, d.action, d.item_version, d.from_status, d.safety_note, d.undone_at,
                       d.model_urgent_care_removed, d.revision_was_public, d.author_trust_before, d.author_silenced_before,
                       d.decided_at, now() as now, r.version as current_version
                from moderation_decision d join review_item r on r.id = d.review_item_id
                where d.batch_id = ?1 and d.moderator_id = ?2 order by d.id for update of r""", Tuple.class)
                .setParameter(1, batch).setParameter(2, moderator.id)).stream()
                .map(d -> new Kept(d.number("review_item_id"), d.enumValue("action", ReviewAction.class),
                        d.enumValue("from_status", ContentStatus.class), d.text("safety_note"),
                        d.bool("model_urgent_care_removed"), d.boolOrNull("revision_was_public"),
                        d.numberOrNull("author_trust_before") == null ? null : (int) d.number("author_trust_before"),
                        d.instant("author_silenced_before"), d.instant("undone_at") != null, d.instant("decided_at"),
                        d.instant("now"), d.number("item_version"), d.number("current_version")))
                .toList();
    }

    void markUndone(long batch) {
        em.createNativeQuery("update moderation_decision set undone_at = now() where batch_id = ?1")
                .setParameter(1, batch).executeUpdate();
    }

    /** The batch of this moderator's latest decision on the item that is not undone, if any: the item page offers its undo. */
    @Transactional
    public Optional<Long> latestDecision(long itemId, Member moderator) {
        return NamedRow.all(em.createNativeQuery("""
                select batch_id from moderation_decision where review_item_id = ?1 and moderator_id = ?2 and undone_at is null
                order by id desc limit 1""", Tuple.class).setParameter(1, itemId).setParameter(2, moderator.id))
                .stream().map(r -> r.number("batch_id")).findFirst();
    }

    /** The confirmation of a batch this moderator decided, if it is theirs. */
    @Transactional
    public Optional<Confirmation> confirmation(long batch, Member moderator) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select d.review_item_id, d.action, d.undone_at, d.decided_at, now() as now,
                       coalesce(p.title, cp.title) as title, r.comment_id is not null as comment
                from moderation_decision d join review_item r on r.id = d.review_item_id
                left join post p on p.id = r.post_id left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                where d.batch_id = ?1 and d.moderator_id = ?2 order by d.id""", Tuple.class)
                .setParameter(1, batch).setParameter(2, moderator.id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        NamedRow first = rows.get(0);
        ReviewAction action = first.enumValue("action", ReviewAction.class);
        boolean undone = first.instant("undone_at") != null;
        boolean recent = DecisionRules.withinUndoWindow(first.instant("decided_at"), first.instant("now"), undoWindow);
        return Optional.of(new Confirmation(batch, action.done(), rows.size(), first.text("title"), first.bool("comment"),
                first.number("review_item_id"), !undone && action.undoable() && recent, undone));
    }
}

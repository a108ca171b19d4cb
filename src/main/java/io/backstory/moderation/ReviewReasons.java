package io.backstory.moderation;

import java.util.List;

import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * Why review items are in the queue ({@code review_reason}, V39): one row per screening match or member flag, appended
 * in the order they came while the item is open. Every write and read of the table is here.
 */
@ApplicationScoped
public class ReviewReasons {

    /** What replaces the reasons of content whose author deleted their account: they quoted the author's words. */
    static final String ERASED = "[content deleted by its author]";

    /**
     * SQL: the first reason of review item {@code r} as columns {@code reason_kind}, {@code reason_rule},
     * {@code reason_flag}, {@code reason_label}, {@code reason_excerpt}; join it with {@code left join lateral ... on true}.
     */
    static final String FIRST = """
            (select rr.kind as reason_kind, rr.rule as reason_rule, rr.flag_reason as reason_flag,
                    rr.label as reason_label, rr.excerpt as reason_excerpt
             from review_reason rr where rr.review_item_id = r.id order by rr.position limit 1) fr""";

    private static final String APPEND = """
            insert into review_reason (review_item_id, position, kind, rule, flag_reason, label, excerpt)
            select ?1, coalesce(max(position), 0) + 1, ?2, cast(?3 as varchar), cast(?4 as varchar), cast(?5 as text),
                   cast(?6 as text)
            from review_reason where review_item_id = ?1""";

    private final EntityManager em;

    public ReviewReasons(EntityManager em) {
        this.em = em;
    }

    /** Adds what screening matched, in order. */
    void addMatches(long itemId, List<ScreeningResult.Match> matches) {
        for (ScreeningResult.Match match : matches) {
            append(itemId, ReasonKind.RULE, match.rule(), null, match.subcategory() == null ? "" : match.subcategory(),
                    match.excerpt() == null || match.excerpt().isBlank() ? null : match.excerpt());
        }
    }

    /** Adds a member's flag; its note stays in {@code content_flag} only, so it goes when its author leaves. */
    void addFlag(long itemId, FlagReason reason) {
        append(itemId, ReasonKind.FLAG, null, reason.name(), null, null);
    }

    private void append(long itemId, ReasonKind kind, String rule, String flag, String label, String excerpt) {
        em.createNativeQuery(APPEND).setParameter(1, itemId).setParameter(2, kind.name()).setParameter(3, rule)
                .setParameter(4, flag).setParameter(5, label).setParameter(6, excerpt).executeUpdate();
    }

    /** An item's reasons in plain words, in the order they came. */
    List<ReviewReason> of(long itemId) {
        return NamedRow.all(em.createNativeQuery("""
                select kind as reason_kind, rule as reason_rule, flag_reason as reason_flag, label as reason_label,
                       excerpt as reason_excerpt
                from review_reason where review_item_id = ?1 order by position""", Tuple.class).setParameter(1, itemId))
                .stream().map(ReviewReasons::read).toList();
    }

    /** A reason from the {@code reason_*} columns (see {@link #FIRST}); null when the item has none. */
    static ReviewReason read(NamedRow row) {
        ReasonKind kind = row.enumOrNull("reason_kind", ReasonKind.class);
        return kind == null ? null : ReviewReason.of(kind, row.text("reason_rule"),
                row.enumOrNull("reason_flag", FlagReason.class), row.text("reason_label"), row.text("reason_excerpt"));
    }

    /**
     * Replaces the reasons of the items {@code items} selects (SQL, with its parameter {@code ?1} bound to
     * {@code parameter}) by {@link #ERASED}: screening's excerpts and the model's sentences quote the author.
     */
    void erase(String items, long parameter) {
        em.createNativeQuery("delete from review_reason where review_item_id in (" + items + ")")
                .setParameter(1, parameter).executeUpdate();
        em.createNativeQuery("insert into review_reason (review_item_id, position, kind, label) select id, 1, "
                + SqlEnum.literal(ReasonKind.NOTE) + ", ?2 from (" + items + ") erased")
                .setParameter(1, parameter).setParameter(2, ERASED).executeUpdate();
    }
}

package io.backstory.moderation;

import java.util.List;
import java.util.Optional;

import io.backstory.platform.Limits;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * What moderators read: the review queue (open items, most severe and oldest first, by tab) and one item with its
 * reasons, flags, history and author's record. Deciding is {@link ReviewDecisions}'s.
 */
@ApplicationScoped
public class ReviewQueue {

    /** The open items before and after one in its tab, for "previous" and "next" on the item page. */
    public record Neighbours(Long previous, Long next) {
    }

    /** SQL: the queue's order, most severe and oldest first. */
    private static final String QUEUE_ORDER = " order by r.severity desc, r.created_at, r.id";

    private final EntityManager em;
    private final PageSizes pageSizes;
    private final ReviewReasons reasons;
    private final double flagWeightToHide;

    public ReviewQueue(EntityManager em, PageSizes pageSizes, ReviewReasons reasons, Limits limits) {
        this.em = em;
        this.pageSizes = pageSizes;
        this.reasons = reasons;
        this.flagWeightToHide = limits.moderation().flagWeightToHide();
    }

    @Transactional
    public List<QueueItem> queue(String category, String condition) {
        return queueRows(ReviewCategory.fromParameter(category), condition, pageSizes.reviewQueue());
    }

    /** The first open item of a tab (category and condition as in the queue's filters), if any is left. */
    @Transactional
    public Optional<Long> nextItem(ReviewCategory category, String condition) {
        return queueRows(category, condition, 1).stream().map(QueueItem::id).findFirst();
    }

    /** The open items before and after {@code id} in its tab. */
    @Transactional
    public Neighbours neighbours(long id, ReviewCategory category, String condition) {
        List<Long> ids = queueRows(category, condition, pageSizes.reviewQueue()).stream().map(QueueItem::id).toList();
        int at = ids.indexOf(id);
        if (at < 0) {
            return new Neighbours(null, ids.isEmpty() ? null : ids.get(0));
        }
        return new Neighbours(at > 0 ? ids.get(at - 1) : null, at + 1 < ids.size() ? ids.get(at + 1) : null);
    }

    private List<QueueItem> queueRows(ReviewCategory category, String condition, int limit) {
        boolean byCondition = condition != null && !condition.isBlank();
        // Spam members flagged is in the spam tab too: a spam wave arrives as member flags as much as through rules.
        String filter = (category == null ? "" : category == ReviewCategory.SPAM
                ? " and (r.category = :category or exists (select 1 from content_flag sf where sf.review_item_id = r.id"
                        + " and sf.reason = " + SqlEnum.literal(FlagReason.SPAM) + "))"
                : " and r.category = :category")
                + (byCondition ? " and exists (select 1 from post_condition pc"
                        + " join condition cd on cd.id = pc.condition_id"
                        + " where pc.post_id = coalesce(r.post_id, c.post_id) and cd.slug = :condition)" : "");
        var query = em.createNativeQuery("""
                select r.id, r.post_id, r.comment_id, coalesce(p.title, cp.title) as title,
                       left(regexp_replace(c.body_markdown, '\\s+', ' ', 'g'), 140) as excerpt,
                       r.category, r.severity, %s as flag_weight, fr.*,
                       coalesce(p.status, c.status) as content_status, r.created_at, r.version,
                       coalesce(r.post_id, c.post_id) as on_post, %s
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                left join lateral %s on true
                where r.status = %s""".formatted(FlagService.FLAG_WEIGHT, AuthorRecord.COLUMNS, ReviewReasons.FIRST,
                        SqlEnum.literal(ReviewItemStatus.OPEN)) + filter
                + QUEUE_ORDER + " limit " + limit, Tuple.class);
        if (category != null) {
            query.setParameter("category", category.name());
        }
        if (byCondition) {
            query.setParameter("condition", condition.strip());
        }
        return NamedRow.all(query).stream().map(r -> {
            boolean isPost = r.numberOrNull("post_id") != null;
            return new QueueItem(r.number("id"), isPost ? ReviewTarget.POST : ReviewTarget.COMMENT,
                    r.number(isPost ? "post_id" : "comment_id"), r.number("on_post"), r.text("title"), r.text("excerpt"),
                    r.enumValue("category", ReviewCategory.class), (int) r.number("severity"), r.decimal("flag_weight"),
                    ReviewReasons.read(r), r.enumValue("content_status", ContentStatus.class), AuthorRecord.read(r),
                    r.instant("created_at"), (int) r.number("version"), flagWeightToHide);
        }).toList();
    }

    /** One item as a moderator reviews it; 404 if there is none. */
    @Transactional
    public ItemDetail item(long id) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select r.id, r.status, r.post_id, r.comment_id, coalesce(r.post_id, c.post_id) as on_post,
                       coalesce(p.title, cp.title) as title, coalesce(p.status, c.status) as content_status,
                       m.id as author_id, coalesce(p.body_markdown, c.body_markdown) as body,
                       %s as flag_weight, r.created_at, r.version,
                       %s
                from review_item r
                left join post p on p.id = r.post_id
                left join comment c on c.id = r.comment_id
                left join post cp on cp.id = c.post_id
                left join member m on m.id = coalesce(p.author_id, c.author_id)
                where r.id = ?1""".formatted(FlagService.FLAG_WEIGHT, AuthorRecord.COLUMNS), Tuple.class).setParameter(1, id));
        if (rows.isEmpty()) {
            throw new NotFoundException("Review item " + id);
        }
        NamedRow r = rows.get(0);
        boolean isPost = r.numberOrNull("post_id") != null;
        ReviewTarget target = isPost ? ReviewTarget.POST : ReviewTarget.COMMENT;
        long targetId = r.number(target.column);
        Long authorId = r.numberOrNull("author_id");
        List<ItemDetail.Flag> flags = NamedRow.all(em.createNativeQuery("""
                select m.handle, f.reason, f.note, f.weight, f.created_at from content_flag f join member m on m.id = f.member_id
                where f.review_item_id = ?1 order by f.created_at""", Tuple.class).setParameter(1, id)).stream()
                .map(f -> new ItemDetail.Flag(f.text("handle"), f.enumValue("reason", FlagReason.class).label, f.text("note"),
                        f.decimal("weight"), f.instant("created_at"))).toList();
        List<LogEntry> history = NamedRow.all(em.createNativeQuery(LogEntry.SELECT + " where r." + target.column
                + " = ?1 order by a.created_at, a.id", Tuple.class).setParameter(1, targetId)).stream()
                .map(LogEntry::read).toList();
        List<LogEntry> authorDecisions = authorId == null ? List.of() : NamedRow.all(em.createNativeQuery(LogEntry.SELECT + " " + """
                 where coalesce(lp.author_id, lc.author_id) = ?1 and r.id <> ?2 and a.moderator_id is not null
                 order by a.created_at desc, a.id desc limit 10""", Tuple.class).setParameter(1, authorId).setParameter(2, id))
                .stream().map(LogEntry::read).toList();
        @SuppressWarnings("unchecked")
        List<String> notices = em.createNativeQuery("select unnest(urgent_care || safety_notices) from " + target.table
                + " where id = ?1").setParameter(1, targetId).getResultList();
        AuthorRecord author = AuthorRecord.read(r);
        return new ItemDetail(r.number("id"), r.enumValue("status", ReviewItemStatus.class), target, targetId,
                r.number("on_post"), r.text("title"), r.enumValue("content_status", ContentStatus.class), author.handle(),
                authorId, r.text("body"), reasons.of(id), flags, author.hiddenOrRemoved(), r.decimal("flag_weight"),
                r.instant("created_at"), (int) r.number("version"), history, author, authorDecisions, notices);
    }
}

package io.backstory.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageCursor;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.content.Outcome;
import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.text.PlainWords;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * The best tips for a condition: tip posts, posts reporting remedy outcomes and comments tagged with remedies,
 * published only, ranked by Best (Wilson lower bound), ties broken by recency. Keyset-paged; first pages are cached.
 */
@ApplicationScoped
public class TipService {

    private static final int EXCERPT_LENGTH = 220;

    private record FirstPage(long conditionId, Long remedyId, int limit) {
    }

    private final EntityManager em;
    private final TagResolver tags;
    private final ReadCache cache;
    private final PageSizes pageSizes;

    public TipService(EntityManager em, TagResolver tags, ReadCache cache, PageSizes pageSizes) {
        this.em = em;
        this.tags = tags;
        this.cache = cache;
        this.pageSizes = pageSizes;
    }

    /** A page of {@code size} tips ({@link PageSizes#posts()} when null). */
    @Transactional
    public Page<Tip> bestTips(String conditionSlug, String remedySlug, String after, Integer size) {
        int limit = size == null ? pageSizes.posts() : size;
        if (limit < 1 || limit > pageSizes.postsMax()) {
            throw new InvalidInputException("limit", "must be between 1 and " + pageSizes.postsMax());
        }
        long conditionId = tags.existingCondition(conditionSlug).id;
        Long remedyId = remedySlug == null || remedySlug.isBlank() ? null : tags.remedy(remedySlug, "remedy").id;
        PageCursor cursor = PageCursor.decode(after, "after");
        return cursor == null ? cache.get(new FirstPage(conditionId, remedyId, limit), () -> page(conditionId, remedyId, null, limit))
                : page(conditionId, remedyId, cursor, limit);
    }

    private Page<Tip> page(long conditionId, Long remedyId, PageCursor cursor, int limit) {
        String remedyOnPost = remedyId == null ? "" : " and exists (select 1 from post_remedy f where f.post_id = p.id and f.remedy_id = :remedy)";
        String remedyOnComment = remedyId == null ? "" : " and exists (select 1 from comment_remedy f where f.comment_id = c.id and f.remedy_id = :remedy)";
        // Each kind of tip is read from its rank index and cut at a page before the two are merged, so a page costs
        // the same whatever the number of posts and comments in the condition.
        String pastCursor = cursor == null ? "" : " and (%s.best_rank, %s.created_at, %s, %s.id) < (:rank, :created, :type, :id)";
        String sql = """
                select type, id, post_id, title, excerpt, handle, upvotes, downvotes, best_rank, created_at from (
                  (select %6$s as type, p.id, p.id as post_id, p.title, null as excerpt, m.handle,
                          p.upvotes, p.downvotes, p.best_rank, p.created_at
                   from post p
                   left join member m on m.id = p.author_id
                   where %8$s
                     and exists (select 1 from post_condition pc where pc.post_id = p.id and pc.condition_id = :condition)
                     and (p.kind = %10$s or exists (select 1 from post_remedy t where t.post_id = p.id))%s%s
                   order by p.best_rank desc, p.created_at desc, p.id desc
                   limit :limit)
                  union all
                  (select %7$s, c.id, p.id, p.title, left(c.body_markdown, %d), m.handle,
                          c.upvotes, c.downvotes, c.best_rank, c.created_at
                   from comment c
                   join post p on p.id = c.post_id and %8$s
                   left join member m on m.id = c.author_id
                   where %9$s
                     and exists (select 1 from post_condition pc where pc.post_id = c.post_id and pc.condition_id = :condition)
                     and exists (select 1 from comment_remedy t where t.comment_id = c.id)%s%s
                   order by c.best_rank desc, c.created_at desc, c.id desc
                   limit :limit)
                ) tips
                order by best_rank desc, created_at desc, type desc, id desc
                limit :limit""".formatted(remedyOnPost, pastCursor.formatted("p", "p", SqlEnum.literal(Tip.Type.POST), "p"),
                EXCERPT_LENGTH + 1, remedyOnComment, pastCursor.formatted("c", "c", SqlEnum.literal(Tip.Type.COMMENT), "c"),
                SqlEnum.literal(Tip.Type.POST), SqlEnum.literal(Tip.Type.COMMENT), Visibility.toReadersSql("p"),
                Visibility.toReadersSql("c"), SqlEnum.literal(PostKind.TIP));
        Query query = em.createNativeQuery(sql, Tuple.class).setParameter("condition", conditionId).setParameter("limit", limit + 1);
        if (remedyId != null) {
            query.setParameter("remedy", remedyId);
        }
        if (cursor != null) {
            String[] key = cursor.key().split(";", 3);
            try {
                query.setParameter("rank", Double.valueOf(key[0])).setParameter("created", Instant.parse(key[1]))
                        .setParameter("type", Tip.Type.valueOf(key[2]).name()).setParameter("id", cursor.id());
            } catch (RuntimeException e) {
                throw PageCursor.invalid("after");
            }
        }
        List<NamedRow> rows = NamedRow.all(query);
        boolean more = rows.size() > limit;
        List<NamedRow> shown = more ? rows.subList(0, limit) : rows;
        Map<String, List<Tip.TipRemedy>> remedies = remedies(shown);
        List<Tip> tips = new ArrayList<>();
        for (NamedRow r : shown) {
            Tip.Type type = r.enumValue("type", Tip.Type.class);
            long id = r.number("id");
            tips.add(new Tip(type, id, r.number("post_id"), r.text("title"), excerpt(r.text("excerpt")), r.text("handle"),
                    (int) r.number("upvotes"), (int) r.number("downvotes"), r.decimal("best_rank"), r.instant("created_at"),
                    remedies.getOrDefault(type + ":" + id, List.of())));
        }
        String next = null;
        if (more) {
            Tip last = tips.get(tips.size() - 1);
            next = new PageCursor(last.bestRank() + ";" + last.createdAt() + ";" + last.type(), last.id()).encode();
        }
        return new Page<>(tips, next);
    }

    /** The remedies of the tips shown: two statements, whatever the page size. */
    private Map<String, List<Tip.TipRemedy>> remedies(List<NamedRow> tips) {
        List<Long> postIds = new ArrayList<>();
        List<Long> commentIds = new ArrayList<>();
        for (NamedRow r : tips) {
            ("POST".equals(r.text("type")) ? postIds : commentIds).add(r.number("id"));
        }
        Map<String, List<Tip.TipRemedy>> remedies = new HashMap<>();
        collect(remedies, "POST", postIds, """
                select pr.post_id as tip_id, r.slug, r.name, pr.outcome from post_remedy pr join remedy r on r.id = pr.remedy_id
                where pr.post_id = any(?1) order by r.name""");
        collect(remedies, "COMMENT", commentIds, """
                select cr.comment_id as tip_id, r.slug, r.name, null as outcome from comment_remedy cr join remedy r on r.id = cr.remedy_id
                where cr.comment_id = any(?1) order by r.name""");
        return remedies;
    }

    private void collect(Map<String, List<Tip.TipRemedy>> into, String type, List<Long> ids, String sql) {
        if (ids.isEmpty()) {
            return;
        }
        for (NamedRow r : NamedRow.all(em.createNativeQuery(sql, Tuple.class).setParameter(1, ids.toArray(Long[]::new)))) {
            String outcome = r.text("outcome");
            into.computeIfAbsent(type + ":" + r.number("tip_id"), k -> new ArrayList<>())
                    .add(new Tip.TipRemedy(r.text("slug"), r.text("name"), outcome == null ? null : Outcome.valueOf(outcome)));
        }
    }

    private static String excerpt(String markdown) {
        if (markdown == null) {
            return null;
        }
        return PlainWords.excerpt(markdown, EXCERPT_LENGTH);
    }
}

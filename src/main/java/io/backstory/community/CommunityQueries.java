package io.backstory.community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Read-side SQL for lists of published content: a fixed number of statements per call, whatever the size. */
@ApplicationScoped
public class CommunityQueries {

    public static final int MAX_PAGE_SIZE = 100;

    private final EntityManager em;

    public CommunityQueries(EntityManager em) {
        this.em = em;
    }

    public List<ConditionCount> conditionsWithPostCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.slug, c.name, count(p.id)
                from condition c
                left join post_condition pc on pc.condition_id = c.id
                left join post p on p.id = pc.post_id and p.status = 'PUBLISHED' and not p.deleted
                group by c.id, c.slug, c.name
                order by c.name""").getResultList();
        return rows.stream()
                .map(r -> new ConditionCount((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** Published posts in the filter's order, one keyset page at a time. */
    public Page<PostSummary> posts(PostFilter filter, PageCursor after, int limit) {
        PostSort sort = filter.sort();
        StringBuilder sql = new StringBuilder("""
                select p.id, p.kind, p.title, m.handle, p.created_at, p.score, p.comment_count, %s, %s
                from post p
                left join member m on m.id = p.author_id
                %s
                where p.status = 'PUBLISHED' and not p.deleted""".formatted(
                filter.remedy() != null ? "pr.outcome" : "null", sort.column,
                filter.remedy() != null ? "join post_remedy pr on pr.post_id = p.id "
                        + "join remedy r on r.id = pr.remedy_id and r.slug = :remedy" : ""));
        if (filter.condition() != null) {
            sql.append(" and exists (select 1 from post_condition pc join condition c on c.id = pc.condition_id"
                    + " where pc.post_id = p.id and c.slug = :condition)");
        }
        if (filter.kind() != null) {
            sql.append(" and p.kind = :kind");
        }
        if (sort == PostSort.TOP && filter.period().days > 0) {
            sql.append(" and p.created_at >= now() - make_interval(days => :days)");
        }
        if (after != null) {
            sql.append(" and (").append(sort.column).append(", p.id) < (:afterKey, :afterId)");
        }
        sql.append(" order by ").append(sort.column).append(" desc, p.id desc limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (filter.remedy() != null) {
            query.setParameter("remedy", filter.remedy());
        }
        if (filter.condition() != null) {
            query.setParameter("condition", filter.condition());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().name());
        }
        if (sort == PostSort.TOP && filter.period().days > 0) {
            query.setParameter("days", filter.period().days);
        }
        if (after != null) {
            query.setParameter("afterKey", sort.key(after, "after")).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        Map<Long, List<Tag>> tags = conditionTags(shown.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<PostSummary> posts = new ArrayList<>(shown.size());
        for (Object[] r : shown) {
            long id = ((Number) r[0]).longValue();
            posts.add(new PostSummary(id, PostKind.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    (Instant) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    tags.getOrDefault(id, List.of()), r[7] == null ? null : Outcome.valueOf((String) r[7])));
        }
        String next = more ? new PageCursor(String.valueOf(shown.get(shown.size() - 1)[8]),
                ((Number) shown.get(shown.size() - 1)[0]).longValue()).encode() : null;
        return new Page<>(posts, next);
    }

    private Map<Long, List<Tag>> conditionTags(List<Long> postIds) {
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return tags;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select pc.post_id, c.slug, c.name
                from post_condition pc join condition c on c.id = pc.condition_id
                where pc.post_id = any(?1)
                order by c.name""").setParameter(1, postIds.toArray(Long[]::new)).getResultList();
        for (Object[] r : rows) {
            tags.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new Tag((String) r[1], (String) r[2]));
        }
        return tags;
    }
}

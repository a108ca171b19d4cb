package io.backstory.community;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.content.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageCursor;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/** Read-side SQL for lists of published content: a fixed number of statements per call, whatever the size. */
@ApplicationScoped
public class CommunityQueries {

    private final EntityManager em;

    public CommunityQueries(EntityManager em) {
        this.em = em;
    }

    public List<ConditionCount> conditionsWithPostCounts() {
        return NamedRow.all(em.createNativeQuery("""
                select c.slug, c.name, count(p.id) as posts
                from condition c
                left join post_condition pc on pc.condition_id = c.id
                left join post p on p.id = pc.post_id and %s
                group by c.id, c.slug, c.name
                order by c.name""".formatted(Visibility.toReadersSql("p")), Tuple.class)).stream()
                .map(r -> new ConditionCount(r.text("slug"), r.text("name"), r.number("posts")))
                .toList();
    }

    /** Published posts in the filter's order, one keyset page at a time. */
    public Page<PostSummary> posts(PostFilter filter, PageCursor after, int limit) {
        PostSort sort = filter.sort();
        StringBuilder sql = new StringBuilder("""
                select p.id, p.kind, p.title, m.handle, p.created_at, p.score, p.comment_count, %s as outcome, %s as sort_key
                from post p
                left join member m on m.id = p.author_id
                %s
                where %s""".formatted(
                filter.remedy() != null ? "pr.outcome" : "null", sort.column,
                filter.remedy() != null ? "join post_remedy pr on pr.post_id = p.id "
                        + "join remedy r on r.id = pr.remedy_id and r.slug = :remedy" : "", Visibility.toReadersSql("p")));
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
        Query query = em.createNativeQuery(sql.toString(), Tuple.class).setParameter("limit", limit + 1);
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
        List<NamedRow> rows = NamedRow.all(query);
        boolean more = rows.size() > limit;
        List<NamedRow> shown = more ? rows.subList(0, limit) : rows;
        Map<Long, List<Tag>> tags = conditionTags(shown.stream().map(r -> r.number("id")).toList());
        List<PostSummary> posts = new ArrayList<>(shown.size());
        for (NamedRow r : shown) {
            long id = r.number("id");
            posts.add(new PostSummary(id, r.enumValue("kind", PostKind.class), r.text("title"), r.text("handle"),
                    r.instant("created_at"), (int) r.number("score"), (int) r.number("comment_count"),
                    tags.getOrDefault(id, List.of()), r.text("outcome") == null ? null : r.enumValue("outcome", Outcome.class)));
        }
        NamedRow last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? new PageCursor(String.valueOf(last.tuple().get("sort_key")), last.number("id")).encode() : null;
        return new Page<>(posts, next);
    }

    private Map<Long, List<Tag>> conditionTags(List<Long> postIds) {
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return tags;
        }
        for (NamedRow r : NamedRow.all(em.createNativeQuery("""
                select pc.post_id, c.slug, c.name
                from post_condition pc join condition c on c.id = pc.condition_id
                where pc.post_id = any(?1)
                order by c.name""", Tuple.class).setParameter(1, postIds.toArray(Long[]::new)))) {
            tags.computeIfAbsent(r.number("post_id"), k -> new ArrayList<>()).add(new Tag(r.text("slug"), r.text("name")));
        }
        return tags;
    }
}

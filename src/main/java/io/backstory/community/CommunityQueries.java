package io.backstory.community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Read-side SQL for lists of published content; a fixed number of statements per call, whatever the size. */
@ApplicationScoped
public class CommunityQueries {

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
                left join post p on p.id = pc.post_id and p.status = 'PUBLISHED'
                group by c.id, c.slug, c.name
                order by c.name""").getResultList();
        return rows.stream()
                .map(r -> new ConditionCount((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    public List<PostSummary> recentPosts(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.id, p.kind, p.title, m.handle, p.created_at, p.upvotes - p.downvotes, p.comment_count
                from post p
                left join member m on m.id = p.author_id
                where p.status = 'PUBLISHED'
                order by p.created_at desc, p.id desc
                limit ?1""").setParameter(1, limit).getResultList();
        Map<Long, List<PostSummary.Tag>> tags = conditionTags(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<PostSummary> posts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            posts.add(new PostSummary(id, PostKind.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    (Instant) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    tags.getOrDefault(id, List.of())));
        }
        return posts;
    }

    private Map<Long, List<PostSummary.Tag>> conditionTags(List<Long> postIds) {
        Map<Long, List<PostSummary.Tag>> tags = new LinkedHashMap<>();
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
                    .add(new PostSummary.Tag((String) r[1], (String) r[2]));
        }
        return tags;
    }
}

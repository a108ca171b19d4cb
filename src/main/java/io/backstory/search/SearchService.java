package io.backstory.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.backstory.community.PostKind;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.cache.ReadCache;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL full-text search over published posts and comments: {@code websearch_to_tsquery} (quotes for
 * phrases, {@code -word} to exclude; any input is a valid query), ranked with {@code ts_rank_cd}, snippets from
 * {@code ts_headline}, and a pg_trgm "did you mean" for misspelt condition and remedy names. Relevance is judged among
 * the newest 200 matching posts and 200 matching comments, which bounds a search's cost however common its words
 * are (README, "Performance"); results are shared read models (platform/cache).
 */
@ApplicationScoped
public class SearchService {

    public static final int PAGE_SIZE = 20;
    private static final int MAX_PAGES = 20;
    /** Newest matches of each kind that are ranked: together the MAX_PAGES pages a search may show. */
    private static final int CANDIDATES = 200;
    private static final char MARK_START = '\u0001';
    private static final char MARK_END = '\u0002';

    public record Hit(String type, long postId, Long commentId, String title, String snippetHtml, String author,
            Instant createdAt, double rank) {

        public String link() {
            return commentId == null ? "/posts/" + postId : "/posts/" + postId + "#c" + commentId;
        }
    }

    public record Results(String query, List<Hit> hits, int page, boolean more, String didYouMean) {

        public int nextPage() {
            return page + 1;
        }
    }

    public record Filters(String condition, String remedy, String kind, String from, String to, boolean answered,
            String sort) {
    }

    private record Search(String query, Filters filters, int page) {
    }

    private final EntityManager em;
    private final TagResolver tags;
    private final ReadCache cache;

    public SearchService(EntityManager em, TagResolver tags, ReadCache cache) {
        this.em = em;
        this.tags = tags;
        this.cache = cache;
    }

    /** Results are shared read models: a popular search is run once per change of content (platform/cache). */
    @Transactional
    public Results search(String q, Filters filters, int page) {
        String query = q == null ? "" : q.strip();
        return cache.get(new Search(query, filters, page), () -> run(query, filters, page));
    }

    private Results run(String query, Filters filters, int page) {
        if (query.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        if (page < 1 || page > MAX_PAGES) {
            throw new InvalidInputException("page", "must be between 1 and " + MAX_PAGES);
        }
        if (query.isEmpty()) {
            return new Results("", List.of(), 1, false, null);
        }
        StringBuilder postFilter = new StringBuilder();
        List<Object[]> parameters = new ArrayList<>();
        if (filters.condition() != null && !filters.condition().isBlank()) {
            postFilter.append(" and exists (select 1 from post_condition pc where pc.post_id = p.id and pc.condition_id = :condition)");
            parameters.add(new Object[] {"condition", tags.condition(filters.condition(), "condition").id});
        }
        if (filters.remedy() != null && !filters.remedy().isBlank()) {
            postFilter.append(" and exists (select 1 from post_remedy pr where pr.post_id = p.id and pr.remedy_id = :remedy)");
            parameters.add(new Object[] {"remedy", tags.remedy(filters.remedy(), "remedy").id});
        }
        PostKind kind = PostKind.fromParameter(filters.kind(), "kind");
        if (kind != null) {
            postFilter.append(" and p.kind = :kind");
            parameters.add(new Object[] {"kind", kind.name()});
        }
        if (filters.answered()) {
            postFilter.append(" and p.accepted_comment_id is not null");
        }
        String dateFilter = "";
        if (filters.from() != null && !filters.from().isBlank()) {
            dateFilter += " and %1$s.created_at >= :from";
            parameters.add(new Object[] {"from", date(filters.from(), "from").atStartOfDay().toInstant(ZoneOffset.UTC)});
        }
        if (filters.to() != null && !filters.to().isBlank()) {
            dateFilter += " and %1$s.created_at < :to";
            parameters.add(new Object[] {"to", date(filters.to(), "to").plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)});
        }
        String order = "newest".equals(filters.sort()) ? "created_at desc, rank desc" : "rank desc, created_at desc";
        if (filters.sort() != null && !filters.sort().isBlank() && !List.of("newest", "relevance").contains(filters.sort())) {
            throw new InvalidInputException("sort", "must be relevance or newest");
        }
        String headline = "'StartSel=\"" + MARK_START + "\", StopSel=\"" + MARK_END + "\", MaxFragments=2, MaxWords=30, MinWords=10'";
        // Ranking reads every candidate's vector and a common word matches a large share of everything, so the
        // candidates are the newest matching posts and comments (CANDIDATES of each, only their vectors), read from
        // the date index for common words or from the text index for rare ones. The query is written inline there,
        // not taken from the CTE, so that the planner sees it and can tell which. Texts, snippets and handles are
        // read for the page shown only.
        // After five runs the driver's prepared statement may get a generic plan, blind to the words searched for,
        // which reads every match of a common word from the text index (0.6 s instead of 10 ms on the large dataset).
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        Query sql = em.createNativeQuery("""
                with q as (select websearch_to_tsquery('english', :q) as query),
                posts as (
                  select p.id, p.created_at, p.search_vector
                  from post p
                  where p.search_vector @@ websearch_to_tsquery('english', :q) and p.status = 'PUBLISHED' and not p.deleted %2$s %3$s
                  order by p.created_at desc limit :candidates),
                comments as (
                  select c.id, c.post_id, c.created_at, c.search_vector
                  from comment c join post p on p.id = c.post_id
                  where c.search_vector @@ websearch_to_tsquery('english', :q) and c.status = 'PUBLISHED' and not c.deleted
                    and p.status = 'PUBLISHED' and not p.deleted %2$s %4$s
                  order by c.created_at desc limit :candidates),
                page as (
                  select type, post_id, comment_id, created_at, rank from (
                    select 'POST' as type, id as post_id, null::bigint as comment_id, created_at,
                           ts_rank_cd(search_vector, q.query) as rank
                    from posts cross join q
                    union all
                    select 'COMMENT', post_id, id, created_at, ts_rank_cd(search_vector, q.query) * 0.8
                    from comments cross join q) hits
                  order by %5$s
                  limit :limit offset :offset)
                select page.type, page.post_id, page.comment_id, p.title,
                       ts_headline('english', coalesce(c.body_markdown, p.body_markdown), q.query, %1$s),
                       m.handle, page.created_at, page.rank
                from page cross join q
                join post p on p.id = page.post_id
                left join comment c on c.id = page.comment_id
                left join member m on m.id = coalesce(c.author_id, p.author_id)
                order by %6$s""".formatted(headline, postFilter, dateFilter.formatted("p"), dateFilter.formatted("c"), order,
                order.replace("created_at", "page.created_at").replace("rank", "page.rank")))
                .setParameter("candidates", CANDIDATES)
                .setParameter("q", query).setParameter("limit", PAGE_SIZE + 1).setParameter("offset", (page - 1) * PAGE_SIZE);
        parameters.forEach(p -> sql.setParameter((String) p[0], p[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.getResultList();
        boolean more = rows.size() > PAGE_SIZE && page < MAX_PAGES;
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
            hits.add(new Hit((String) r[0], ((Number) r[1]).longValue(), r[2] == null ? null : ((Number) r[2]).longValue(),
                    (String) r[3], snippet((String) r[4]), (String) r[5], (Instant) r[6], ((Number) r[7]).doubleValue()));
        }
        return new Results(query, hits, page, more, hits.size() < 3 ? didYouMean(query) : null);
    }

    /** The closest condition or remedy name (or synonym) when the words look like a misspelling of one. */
    private String didYouMean(String query) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("""
                select name from (
                  select name from condition union select synonym from condition_synonym
                  union select name from remedy union select synonym from remedy_synonym) names
                where similarity(lower(name), lower(?1)) > 0.3 and lower(name) <> lower(?1)
                order by similarity(lower(name), lower(?1)) desc, name limit 1""").setParameter(1, query).getResultList();
        return names.isEmpty() ? null : (String) names.get(0);
    }

    /** ts_headline marks matches in raw text; everything else is escaped so member text stays inert. */
    static String snippet(String raw) {
        if (raw == null) {
            return "";
        }
        String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace(String.valueOf(MARK_START), "<mark>").replace(String.valueOf(MARK_END), "</mark>");
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "use a date like 2026-01-31");
        }
    }

    static String normalise(String sort) {
        return sort == null ? null : sort.strip().toLowerCase(Locale.ROOT);
    }
}

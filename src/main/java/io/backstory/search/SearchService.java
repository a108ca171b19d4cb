package io.backstory.search;

import io.backstory.platform.db.SqlEnum;
import io.backstory.platform.content.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.Limits;
import io.backstory.platform.cache.ReadCache;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL full-text search over published posts and comments: {@code websearch_to_tsquery} (quotes for
 * phrases, {@code -word} to exclude; any input is a valid query), ranked with {@code ts_rank_cd}, snippets from
 * {@code ts_headline}, and a pg_trgm "did you mean" for misspelt condition and remedy names. Relevance is judged among
 * the newest 200 matching posts and 200 matching comments, which bounds a search's cost however common its words
 * are (README, "Performance"); without filters, {@link SearchIndex} finds and ranks them, and PostgreSQL reads only the
 * page's rows. Results are shared read models (platform/cache).
 */
@ApplicationScoped
public class SearchService {


    /** conditions: the names of the post's conditions, comma-separated. */
    /** Whether a hit is a post or a comment (on a post). */
    public enum HitType {
        POST, COMMENT
    }

    public record Hit(HitType type, long postId, Long commentId, String title, String snippetHtml, String author,
            Instant createdAt, double rank, String conditions) {

        public String link() {
            return commentId == null ? "/posts/" + postId : "/posts/" + postId + "#c" + commentId;
        }
    }

    /**
     * total: how many posts and comments match, counted among the newest 200 of each (so at most
     * the number a search can show); totalCapped when there are more than that.
     */
    public record Results(String query, List<Hit> hits, int page, boolean more, String didYouMean, int total,
            boolean totalCapped) {

        public int nextPage() {
            return page + 1;
        }
    }

    public record Filters(String condition, String remedy, String kind, String from, String to, boolean answered,
            String sort) {
    }

    private record Search(String query, Filters filters, int page) {
    }

    /** ts_headline's options: PostgreSQL marks the matches and fragments with characters Snippet turns into HTML. */
    private static final String HEADLINE = "'StartSel=\"" + Snippet.MARK_START + "\", StopSel=\"" + Snippet.MARK_END
            + "\", FragmentDelimiter=\"" + Snippet.FRAGMENT_END + "\", MaxFragments=2, MaxWords=30, MinWords=10'";
    /** The names of the conditions of post {@code p}, comma-separated. */
    private static final String CONDITIONS = """
            (select string_agg(cn.name, ', ' order by cn.name) from post_condition pc
               join condition cn on cn.id = pc.condition_id where pc.post_id = p.id)""";

    private final EntityManager em;
    private final TagResolver tags;
    private final ReadCache cache;
    private final SearchIndex index;
    private final Limits.Search limits;

    public SearchService(EntityManager em, TagResolver tags, ReadCache cache, SearchIndex index, Limits limits) {
        this.em = em;
        this.tags = tags;
        this.cache = cache;
        this.index = index;
        this.limits = limits.search();
    }

    /** Results are shared read models: a popular search is run once per change of content (platform/cache). */
    @Transactional
    public Results search(String q, Filters filters, int page) {
        String query = q == null ? "" : q.strip();
        return cache.get(new Search(query, filters, page), () -> run(query, filters, page));
    }

    private Results run(String query, Filters filters, int page) {
        if (query.length() > limits.queryChars()) {
            throw new InvalidInputException("q", "must be at most " + limits.queryChars() + " characters");
        }
        if (page < 1 || page > limits.pages()) {
            throw new InvalidInputException("page", "must be between 1 and " + limits.pages());
        }
        if (query.isEmpty()) {
            return new Results("", List.of(), 1, false, null, 0, false);
        }
        StringBuilder postFilter = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filters.condition() != null && !filters.condition().isBlank()) {
            postFilter.append(" and exists (select 1 from post_condition pc where pc.post_id = p.id and pc.condition_id = :condition)");
            parameters.put("condition", tags.condition(filters.condition(), "condition").id);
        }
        if (filters.remedy() != null && !filters.remedy().isBlank()) {
            postFilter.append(" and exists (select 1 from post_remedy pr where pr.post_id = p.id and pr.remedy_id = :remedy)");
            parameters.put("remedy", tags.remedy(filters.remedy(), "remedy").id);
        }
        PostKind kind = PostKind.fromParameter(filters.kind(), "kind");
        if (kind != null) {
            postFilter.append(" and p.kind = :kind");
            parameters.put("kind", kind.name());
        }
        if (filters.answered()) {
            postFilter.append(" and p.accepted_comment_id is not null");
        }
        String dateFilter = "";
        if (filters.from() != null && !filters.from().isBlank()) {
            dateFilter += " and %1$s.created_at >= :from";
            parameters.put("from", date(filters.from(), "from").atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filters.to() != null && !filters.to().isBlank()) {
            dateFilter += " and %1$s.created_at < :to";
            parameters.put("to", date(filters.to(), "to").plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        String order = "newest".equals(filters.sort()) ? "created_at desc, rank desc" : "rank desc, created_at desc";
        if (filters.sort() != null && !filters.sort().isBlank() && !List.of("newest", "relevance").contains(filters.sort())) {
            throw new InvalidInputException("sort", "must be relevance or newest");
        }
        Page found = postFilter.isEmpty() && dateFilter.isEmpty() ? fromIndex(query, page, filters.sort()) : null;
        if (found == null) {
            found = page(query, page, postFilter, dateFilter, order, parameters);
        }
        List<Tuple> rows = found.rows();
        int postMatches = found.postMatches();
        int commentMatches = found.commentMatches();
        boolean more = found.more() && page < limits.pages();
        List<Hit> hits = new ArrayList<>();
        for (Tuple r : rows.subList(0, Math.min(rows.size(), limits.pageSize()))) {
            Number commentId = r.get("comment_id", Number.class);
            hits.add(new Hit(HitType.valueOf(r.get("type", String.class)), r.get("post_id", Number.class).longValue(),
                    commentId == null ? null : commentId.longValue(), r.get("title", String.class),
                    Snippet.html(r.get("headline", String.class), r.get("body", String.class)), r.get("handle", String.class),
                    r.get("created_at", Instant.class), r.get("rank", Number.class).doubleValue(), r.get("conditions", String.class)));
        }
        return new Results(query, hits, page, more, hits.size() < 3 ? didYouMean(query) : null, postMatches + commentMatches,
                postMatches >= limits.candidates() || commentMatches >= limits.candidates());
    }

    /** The rows of a page, whether more follow, and how many posts and comments matched among the candidates. */
    private record Page(List<Tuple> rows, boolean more, int postMatches, int commentMatches) {
    }

    /** A candidate of the index ranked among the others: a post's rank, or a comment's weighed by 0.8. */
    private record Ranked(HitType type, SearchIndex.Candidate candidate, double rank) {
    }

    /**
     * A page ranked among the candidates {@link SearchIndex} finds and ranks (as ts_rank_cd would), with only the
     * page's rows read from PostgreSQL; null when the index cannot tell (being built, or a phrase).
     */
    private Page fromIndex(String query, int page, String sort) {
        if (!index.ready()) {
            return null;
        }
        String tsquery = (String) em.createNativeQuery("select websearch_to_tsquery('english', ?1)::text")
                .setParameter(1, query).getSingleResult();
        Optional<SearchIndex.Candidates> candidates = index.newest(tsquery, limits.candidates());
        if (candidates.isEmpty()) {
            return null;
        }
        List<Ranked> ranked = new ArrayList<>();
        candidates.get().posts().forEach(post -> ranked.add(new Ranked(HitType.POST, post, post.rank())));
        candidates.get().comments().forEach(comment -> ranked.add(new Ranked(HitType.COMMENT, comment, comment.rank() * 0.8)));
        Comparator<Ranked> byRank = Comparator.comparingDouble(Ranked::rank).reversed();
        Comparator<Ranked> byDate = Comparator.comparingLong((Ranked hit) -> hit.candidate().createdMicros()).reversed();
        ranked.sort(("newest".equals(sort) ? byDate.thenComparing(byRank) : byRank.thenComparing(byDate))
                .thenComparing(Ranked::type).thenComparing(hit -> -hit.candidate().id()));
        int from = Math.min(ranked.size(), (page - 1) * limits.pageSize());
        List<Ranked> shown = ranked.subList(from, Math.min(ranked.size(), from + limits.pageSize()));
        return new Page(shown.isEmpty() ? List.of() : rows(query, shown), ranked.size() > from + limits.pageSize(),
                candidates.get().posts().size(), candidates.get().comments().size());
    }

    /** The rows of the hits shown, in their order: texts, snippets, authors; any no longer visible left out. */
    private List<Tuple> rows(String query, List<Ranked> shown) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                with q as (select websearch_to_tsquery('english', :q) as query)
                select case when c.id is null then %2$s else %3$s end as type, p.id as post_id, c.id as comment_id, p.title,
                       ts_headline('english', coalesce(c.body_markdown, p.body_markdown), q.query, %1$s) as headline,
                       coalesce(c.body_markdown, p.body_markdown) as body,
                       m.handle, coalesce(c.created_at, p.created_at) as created_at, shown.rank,
                       %4$s as conditions
                from unnest(cast(:ids as bigint[]), cast(:comments as boolean[]), cast(:ranks as float8[]))
                       with ordinality as shown(id, is_comment, rank, n)
                cross join q
                left join comment c on shown.is_comment and c.id = shown.id
                join post p on p.id = case when shown.is_comment then c.post_id else shown.id end
                left join member m on m.id = coalesce(c.author_id, p.author_id)
                where %5$s and (not shown.is_comment or %6$s)
                order by shown.n""".formatted(HEADLINE, SqlEnum.literal(HitType.POST), SqlEnum.literal(HitType.COMMENT),
                CONDITIONS, Visibility.toReadersSql("p"), Visibility.toReadersSql("c")), Tuple.class)
                .setParameter("q", query)
                .setParameter("ids", shown.stream().map(hit -> hit.candidate().id()).toArray(Long[]::new))
                .setParameter("comments", shown.stream().map(hit -> hit.type() == HitType.COMMENT).toArray(Boolean[]::new))
                .setParameter("ranks", shown.stream().map(Ranked::rank).toArray(Double[]::new))
                .getResultList();
        return rows;
    }

    /**
     * One page of hits, ranked among the newest Limits.Search#candidates matching posts and comments that PostgreSQL
     * finds (when a search has filters, or the index cannot tell).
     */
    private Page page(String query, int page, CharSequence postFilter, String dateFilter, String order,
            Map<String, Object> parameters) {
        // Ranking reads every candidate's vector and a common word matches a large share of everything, so the
        // candidates are the newest matching posts and comments (Limits.Search#candidates of each, only their vectors),
        // read from the date index for common words or from the text index for rare ones. The
        // query is written inline there, not taken from the CTE, so that the planner sees it and can tell which.
        // Texts, snippets and handles are read for the page shown only.
        // After five runs the driver's prepared statement may get a generic plan, blind to the words searched for,
        // which reads every match of a common word from the text index (0.6 s instead of 10 ms on the large dataset).
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        Query sql = em.createNativeQuery("""
                with q as (select websearch_to_tsquery('english', :q) as query),
                posts as (
                  select p.id, p.created_at, p.search_vector
                  from post p
                  where p.search_vector @@ websearch_to_tsquery('english', :q) and %7$s %2$s %3$s
                  order by p.created_at desc limit :candidates),
                comments as (
                  select c.id, c.post_id, c.created_at, c.search_vector
                  from comment c join post p on p.id = c.post_id
                  where c.search_vector @@ websearch_to_tsquery('english', :q) and %8$s
                    and %7$s %2$s %4$s
                  order by c.created_at desc limit :candidates),
                page as (
                  select type, post_id, comment_id, created_at, rank from (
                    select %9$s as type, id as post_id, null::bigint as comment_id, created_at,
                           ts_rank_cd(search_vector, q.query) as rank
                    from posts cross join q
                    union all
                    select %10$s, post_id, id, created_at, ts_rank_cd(search_vector, q.query) * 0.8
                    from comments cross join q) hits
                  order by %5$s
                  limit :limit offset :offset)
                select page.type, page.post_id, page.comment_id, p.title,
                       ts_headline('english', coalesce(c.body_markdown, p.body_markdown), q.query, %1$s) as headline,
                       coalesce(c.body_markdown, p.body_markdown) as body,
                       m.handle, page.created_at, page.rank,
                       %11$s as conditions,
                       (select count(*) from posts) as post_matches, (select count(*) from comments) as comment_matches
                from page cross join q
                join post p on p.id = page.post_id
                left join comment c on c.id = page.comment_id
                left join member m on m.id = coalesce(c.author_id, p.author_id)
                order by %6$s""".formatted(HEADLINE, postFilter, dateFilter.formatted("p"), dateFilter.formatted("c"), order,
                order.replace("created_at", "page.created_at").replace("rank", "page.rank"), Visibility.toReadersSql("p"),
                Visibility.toReadersSql("c"), SqlEnum.literal(HitType.POST), SqlEnum.literal(HitType.COMMENT),
                CONDITIONS), Tuple.class)
                .setParameter("candidates", limits.candidates())
                .setParameter("q", query).setParameter("limit", limits.pageSize() + 1)
                .setParameter("offset", (page - 1) * limits.pageSize());
        parameters.forEach(sql::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = sql.getResultList();
        return new Page(rows, rows.size() > limits.pageSize(),
                rows.isEmpty() ? 0 : rows.get(0).get("post_matches", Number.class).intValue(),
                rows.isEmpty() ? 0 : rows.get(0).get("comment_matches", Number.class).intValue());
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

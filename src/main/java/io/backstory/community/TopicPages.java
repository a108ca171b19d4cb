package io.backstory.community;

import io.backstory.platform.content.PostKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import io.backstory.evidence.Evidence;
import io.backstory.evidence.EvidenceService;
import io.backstory.evidence.Tip;
import io.backstory.evidence.TipService;
import io.backstory.platform.api.Page;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.taxonomy.TaxonomyService;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
import io.backstory.platform.cache.ReadCache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Browsing by condition and by remedy: index pages and each topic's posts, newest first, page by page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TopicPages {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conditions(List<ConditionCount> conditions);

        static native TemplateInstance condition(ConditionView condition, RawString body, Boolean following);

        /** What every reader of a condition page sees alike: the chart, the best tips and the posts. */
        static native TemplateInstance conditionBody(ConditionView condition, ListView list, Page<PostSummary> posts,
                boolean firstPage, Evidence evidence, List<Tip> bestTips);

        static native TemplateInstance tips(ConditionView condition, Page<Tip> tips, String remedy,
                List<TaxonomyCatalog.RemedyGroup> remedyGroups, boolean firstPage);

        static native TemplateInstance remedies(List<TaxonomyCatalog.RemedyGroup> groups);

        static native TemplateInstance remedy(RemedyView remedy, Page<PostSummary> posts, boolean firstPage,
                Evidence evidence);
    }

    private final CommunityQueries queries;
    private final PostListService lists;
    private final TaxonomyCatalog catalog;
    private final TaxonomyService taxonomy;
    private final EvidenceService evidence;
    private final TipService tips;
    private final ConditionOverview conditions;

    private final io.backstory.accounts.CurrentMember viewer;
    private final io.backstory.following.FollowingService follows;
    private final ReadCache cache;

    public TopicPages(CommunityQueries queries, PostListService lists, TaxonomyCatalog catalog,
            TaxonomyService taxonomy, EvidenceService evidence, TipService tips, ConditionOverview conditions,
            io.backstory.accounts.CurrentMember viewer, io.backstory.following.FollowingService follows,
            ReadCache cache) {
        this.cache = cache;
        this.queries = queries;
        this.lists = lists;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.evidence = evidence;
        this.tips = tips;
        this.conditions = conditions;
        this.viewer = viewer;
        this.follows = follows;
    }

    @GET
    @Path("conditions")
    @Transactional
    public TemplateInstance conditions() {
        return Templates.conditions(queries.conditionsWithPostCounts());
    }

    @GET
    @Path("conditions/{slug}")
    @Transactional
    public Response condition(@PathParam("slug") String slug, @QueryParam("kind") String kind,
            @QueryParam("sort") String sort, @QueryParam("period") String period, @QueryParam("after") String after) {
        ListView list = new ListView("/conditions/" + slug, PostKind.fromParameter(kind, "kind"),
                PostSort.fromParameter(sort), PostSort.Period.fromParameter(period));
        boolean firstPage = after == null || after.isBlank();
        Supplier<SharedBody> body = () -> {
            ConditionOverview.View shown = conditions.of(slug, kind, sort, period, after);
            return new SharedBody(shown.condition(), Templates.conditionBody(shown.condition(), list, shown.posts(),
                    firstPage, shown.evidence(), shown.bestTips()).render().getBytes(StandardCharsets.UTF_8));
        };
        // A member's page differs from a visitor's only above the chart (the follow button, the header), so the rest
        // of a first page is rendered once per content generation for everyone (issue 18: members as fast as visitors).
        SharedBody shared = firstPage ? cache.get(new SharedBodyKey(slug, kind, sort, period), body) : body.get();
        if (!viewer.isLoggedIn()) {
            // platform/web/VisitorPages keeps a visitor's page whole, so this runs once per generation; it keeps only
            // answers that say they are HTML.
            return Response.ok(Templates.condition(shared.condition(), new RawString(shared.text()), null), HTML).build();
        }
        // Rendered here, so that this transaction holds every read of the page, the header's counts included, and sent
        // as bytes: only the page around the body goes through Qute, the body is sent as it is kept (SharedPart).
        String page = Templates.condition(shared.condition(), new RawString(SharedPart.SLOT),
                follows.follows(viewer.id(), slug)).render();
        return Response.ok(SharedPart.splice(page, List.of(shared.html())), HTML).build();
    }

    private record SharedBodyKey(String slug, String kind, String sort, String period) {
    }

    /**
     * The condition a page is about, with what every reader sees below its follow button, rendered from one read and
     * kept as the UTF-8 bytes sent.
     */
    private record SharedBody(ConditionView condition, byte[] html) implements ReadCache.Weighed {

        String text() {
            return new String(html, StandardCharsets.UTF_8);
        }

        @Override
        public int weight() {
            return html.length;
        }
    }

    @GET
    @Path("conditions/{slug}/tips")
    public TemplateInstance tips(@PathParam("slug") String slug, @QueryParam("remedy") String remedy,
            @QueryParam("after") String after) {
        return Templates.tips(taxonomy.condition(slug), tips.bestTips(slug, remedy, after, null),
                remedy == null || remedy.isBlank() ? null : remedy, catalog.remediesByCategory(),
                after == null || after.isBlank());
    }

    /** The list's current kind filter and order, to build its links (filters, sorts, next page). */
    public record ListView(String path, PostKind kind, PostSort sort, PostSort.Period period) {

        public String link(String kindParameter, String sortParameter, String periodParameter) {
            StringBuilder query = new StringBuilder();
            append(query, "kind", kindParameter);
            append(query, "sort", "new".equals(sortParameter) ? null : sortParameter);
            append(query, "period", "top".equals(sortParameter) && !"all".equals(periodParameter) ? periodParameter : null);
            return path + (query.length() == 0 ? "" : "?" + query);
        }

        /** This list with another kind filter (null for all), keeping the order. */
        public String withKind(String kindParameter) {
            return link(kindParameter, sort.parameter(), period.parameter());
        }

        /** This list in another order, keeping the kind filter. */
        public String withSort(String sortParameter, String periodParameter) {
            return link(kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT), sortParameter, periodParameter);
        }

        public String next(String cursor) {
            String base = withKind(kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT));
            return base + (base.contains("?") ? "&" : "?") + "after=" + cursor;
        }

        public boolean isSort(String sortParameter, String periodParameter) {
            return sort.parameter().equals(sortParameter) && (sort != PostSort.TOP || period.parameter().equals(periodParameter));
        }

        public boolean isKind(String kindParameter) {
            return kind == null ? kindParameter == null : kind.name().equalsIgnoreCase(kindParameter);
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value);
            }
        }
    }

    @GET
    @Path("remedies")
    public TemplateInstance remedies() {
        return Templates.remedies(catalog.remediesByCategory());
    }

    @GET
    @Path("remedies/{slug}")
    @Transactional
    public TemplateInstance remedy(@PathParam("slug") String slug, @QueryParam("after") String after) {
        return Templates.remedy(taxonomy.remedy(slug),
                lists.list(null, slug, null, null, null, after, null),
                after == null || after.isBlank(), evidence.forRemedy(slug));
    }
}

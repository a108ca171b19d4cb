package io.backstory.community;

import java.util.List;

import io.backstory.platform.api.Page;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.backstory.taxonomy.TaxonomyService;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Browsing by condition and by remedy: index pages and each topic's posts, newest first, page by page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TopicPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conditions(List<ConditionCount> conditions);

        static native TemplateInstance condition(ConditionView condition, PostKind kind, Page<PostSummary> posts,
                boolean firstPage);

        static native TemplateInstance remedies(List<TaxonomyCatalog.RemedyGroup> groups);

        static native TemplateInstance remedy(RemedyView remedy, Page<PostSummary> posts, boolean firstPage);
    }

    private final CommunityQueries queries;
    private final PostListService lists;
    private final TaxonomyCatalog catalog;
    private final TaxonomyService taxonomy;

    public TopicPages(CommunityQueries queries, PostListService lists, TaxonomyCatalog catalog,
            TaxonomyService taxonomy) {
        this.queries = queries;
        this.lists = lists;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
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
    public TemplateInstance condition(@PathParam("slug") String slug, @QueryParam("kind") String kind,
            @QueryParam("after") String after) {
        ConditionView condition = taxonomy.condition(slug);
        PostKind postKind = PostKind.fromParameter(kind, "kind");
        return Templates.condition(condition, postKind,
                lists.list(slug, null, kind, after, PostListService.DEFAULT_PAGE_SIZE), after == null || after.isBlank());
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
        return Templates.remedy(taxonomy.remedy(slug), lists.list(null, slug, null, after, PostListService.DEFAULT_PAGE_SIZE),
                after == null || after.isBlank());
    }
}

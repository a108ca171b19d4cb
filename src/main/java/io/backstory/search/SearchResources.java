package io.backstory.search;

import java.util.List;

import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The search page (its JSON twin is {@link SearchApi}). */
@Path("/")
public class SearchResources {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchService.Results results, SearchService.Filters filters,
                List<Condition> conditions, List<TaxonomyCatalog.RemedyGroup> remedyGroups);
    }

    private final SearchService search;
    private final TaxonomyCatalog catalog;

    public SearchResources(SearchService search, TaxonomyCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    @GET
    @Path("search")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("condition") String condition,
            @QueryParam("remedy") String remedy, @QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("answered") boolean answered, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") int page) {
        SearchService.Filters filters = new SearchService.Filters(condition, remedy, kind, from, to, answered,
                SearchService.normalise(sort));
        return Templates.search(search.search(q, filters, page), filters, catalog.conditions(), catalog.remediesByCategory());
    }
}

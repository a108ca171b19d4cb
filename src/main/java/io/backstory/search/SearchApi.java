package io.backstory.search;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Tag(name = "Search")
public class SearchApi {

    private final SearchService search;

    public SearchApi(SearchService search) {
        this.search = search;
    }

    @GET
    @Path("search")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search published posts and comments", description = "Quotes search a phrase, -word excludes "
            + "it; condition and remedy synonyms match too. Filters: condition, remedy, kind, from/to (dates), "
            + "answered; sort relevance (default) or newest; 20 per page.")
    public SearchService.Results api(@QueryParam("q") String q, @QueryParam("condition") String condition,
            @QueryParam("remedy") String remedy, @QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("answered") boolean answered, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") int page) {
        return search.search(q, new SearchService.Filters(condition, remedy, kind, from, to, answered,
                SearchService.normalise(sort)), page);
    }
}

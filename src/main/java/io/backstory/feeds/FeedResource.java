package io.backstory.feeds;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** Atom feeds; readers find them through the pages' {@code <link rel="alternate">}. */
@Path("/")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = "application/atom+xml";

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("feeds/site.atom")
    public String site(@Context UriInfo uri) {
        return feeds.site(uri.getBaseUri());
    }

    @GET
    @Path("conditions/{slug}/feed.atom")
    public String condition(@PathParam("slug") String slug, @Context UriInfo uri) {
        return feeds.condition(uri.getBaseUri(), slug);
    }

    @GET
    @Path("remedies/{slug}/feed.atom")
    public String remedy(@PathParam("slug") String slug, @Context UriInfo uri) {
        return feeds.remedy(uri.getBaseUri(), slug);
    }
}

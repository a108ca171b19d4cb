package io.backstory.feeds;

import java.net.URI;

import io.backstory.platform.web.PageAddress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** Atom feeds; readers find them through the pages' {@code <link rel="alternate">}. */
@Path("/")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = "application/atom+xml";

    private final FeedService feeds;
    private final PageAddress page;

    public FeedResource(FeedService feeds, PageAddress page) {
        this.feeds = feeds;
        this.page = page;
    }

    @GET
    @Path("feeds/site.atom")
    public String site() {
        return feeds.site(origin());
    }

    @GET
    @Path("conditions/{slug}/feed.atom")
    public String condition(@PathParam("slug") String slug) {
        return feeds.condition(origin(), slug);
    }

    @GET
    @Path("remedies/{slug}/feed.atom")
    public String remedy(@PathParam("slug") String slug) {
        return feeds.remedy(origin(), slug);
    }

    /** Feed and entry links are absolute: on the site's public origin, never the Host header. */
    private URI origin() {
        return URI.create(page.getOrigin());
    }
}

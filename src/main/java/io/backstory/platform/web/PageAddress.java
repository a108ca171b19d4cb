package io.backstory.platform.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The public address of the page being rendered, for canonical links and Open Graph tags ({@code inject:page}), and
 * the site's origin for other absolute links (feeds): always on the configured public origin ({@link SiteOrigin}),
 * never on the Host header.
 */
@RequestScoped
@Named("page")
public class PageAddress {

    private final RoutingContext request;
    private final SiteOrigin site;

    public PageAddress(RoutingContext request, SiteOrigin site) {
        this.request = request;
        this.site = site;
    }

    /** Origin and path, without the query: sort orders and pages of one list are one page to a search engine. */
    public String getCanonical() {
        return getOrigin() + request.request().path();
    }

    public String getOrigin() {
        return site.of(request.request());
    }
}

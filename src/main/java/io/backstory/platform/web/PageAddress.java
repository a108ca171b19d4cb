package io.backstory.platform.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The public address of the page being rendered, for canonical links and Open Graph tags ({@code inject:page}).
 * Behind a proxy, enable forwarded headers (see README) so this is the public host, not the internal one.
 */
@RequestScoped
@Named("page")
public class PageAddress {

    private final RoutingContext request;

    public PageAddress(RoutingContext request) {
        this.request = request;
    }

    /** Scheme, host and path, without the query: sort orders and pages of one list are one page to a search engine. */
    public String getCanonical() {
        String absolute = request.request().absoluteURI();
        int query = absolute.indexOf('?');
        return query < 0 ? absolute : absolute.substring(0, query);
    }
}

package io.backstory.platform.web;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Whatever a logged-in member is answered (pages, the API, refusals, redirects) is theirs: the header names them, and
 * their export, notifications, settings and bookmarks are personal. No shared cache or browser disk may keep it.
 * What logged-out readers get is left alone, so caches may still serve it.
 */
public class PrivateResponses {

    @ServerResponseFilter
    public void neverStoreAMembersAnswer(ContainerResponseContext response, RoutingContext routing) {
        if (routing.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }
}

package io.backstory.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The site's public origin ({@code https://forum.example}), for every absolute link: canonical and Open Graph
 * addresses, feeds, redirects, and the origin a page form must come from. Production configures it
 * ({@code backstory.public-url}) and does not start without it: a Host header is whatever the client sent, so a link
 * built from it points wherever the sender likes. Dev mode and tests use the request's own origin, so any port works.
 * (The login's redirect_uri is built by quarkus-oidc from the same setting: see application.properties.)
 */
@Startup
@ApplicationScoped
public class SiteOrigin {

    private final Optional<String> configured;

    @Inject
    SiteOrigin(@ConfigProperty(name = "backstory.public-url") Optional<String> url) {
        this(url, LaunchMode.current());
    }

    SiteOrigin(Optional<String> url, LaunchMode mode) {
        this.configured = url.filter(u -> !u.isBlank()).map(SiteOrigin::parse);
        if (configured.isEmpty() && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("Set backstory.public-url (environment: BACKSTORY_PUBLIC_URL) to the address "
                    + "people open the site at, e.g. https://forum.example: production builds no link from the Host header");
        }
    }

    /** The configured origin, or outside production the one the request names. */
    public String of(HttpServerRequest request) {
        return configured.orElseGet(() -> requestOrigin(request));
    }

    /**
     * Quarkus REST makes a relative Location absolute with the request's own origin (its Host header); with a
     * configured origin, redirects name that instead.
     */
    @ServerResponseFilter
    public void redirectToTheConfiguredOrigin(ContainerResponseContext response, RoutingContext routing) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (configured.isEmpty() || location == null) {
            return;
        }
        String own = requestOrigin(routing.request());
        String target = location.toString();
        if (target.startsWith(own + "/")) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(configured.get() + target.substring(own.length())));
        }
    }

    /** Scheme, host and port, without a path: the form an Origin header has. */
    static String parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean originOnly = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !originOnly) {
            throw invalid(url);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("backstory.public-url must be a scheme and host (and port), with no path "
                + "or trailing slash, e.g. https://forum.example; got " + url);
    }

    private static String requestOrigin(HttpServerRequest request) {
        URI uri = URI.create(request.absoluteURI());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}

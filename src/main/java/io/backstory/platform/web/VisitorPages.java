package io.backstory.platform.web;

import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.backstory.platform.cache.ReadCache;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Whole pages for visitors who present nothing of their own (no login, no cookie but the form security cookie that
 * every first page sets), rendered once per content generation and URL and kept in the {@link ReadCache} with the read
 * models they are made of. A cached page carries an ETag, and a browser asking again with it gets a 304 without the
 * page. A page is only kept when it holds no form security code: that code is one browser's own.
 */
public class VisitorPages {

    /** A rendered page, encoded once, and the tag that names this rendering of it. */
    public record Page(byte[] body, String etag) implements ReadCache.Weighed {

        @Override
        public int weight() {
            return body.length;
        }
    }

    private record Key(String uri) {
    }

    private static final String FORM_CODE_NAME = "csrf-token";
    private static final String FORM_CODE = "name=\"" + FORM_CODE_NAME + "\"";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final ReadCache cache;

    public VisitorPages(ReadCache cache) {
        this.cache = cache;
    }

    @ServerRequestFilter
    public Response servedFromCache(ContainerRequestContext request) {
        if (!anonymousPageRequest(request)) {
            return null;
        }
        Page page = cache.find(key(request));
        if (page == null) {
            return null;
        }
        if (page.etag().equals(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            return Response.notModified(page.etag()).header(HttpHeaders.ETAG, page.etag()).build();
        }
        return Response.ok(page.body(), HTML).header(HttpHeaders.ETAG, page.etag()).build();
    }

    @ServerResponseFilter
    public void keptForTheNextVisitor(ContainerRequestContext request, ContainerResponseContext response) {
        if (!anonymousPageRequest(request) || response.getStatus() != 200 || response.getHeaders().containsKey(HttpHeaders.ETAG)
                || !MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        // Quarkus REST Qute has usually rendered the template by now; a resource may also answer with one unrendered.
        String html = response.getEntity() instanceof TemplateInstance template ? template.render()
                : response.getEntity() instanceof String rendered ? rendered : null;
        if (html == null) {
            return;
        }
        if (html.contains(FORM_CODE)) {
            response.setEntity(html, null, HTML);
            return;
        }
        Page page = cache.get(key(request), () -> new Page(html.getBytes(StandardCharsets.UTF_8),
                "\"" + Long.toString(System.nanoTime(), 36) + "\""));
        response.setEntity(page.body(), null, HTML);
        response.getHeaders().putSingle(HttpHeaders.ETAG, page.etag());
    }

    private static boolean anonymousPageRequest(ContainerRequestContext request) {
        return "GET".equals(request.getMethod()) && !request.getUriInfo().getPath().startsWith("/api/")
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().keySet().stream().allMatch(FORM_CODE_NAME::equals);
    }

    private static Key key(ContainerRequestContext request) {
        return new Key(request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery());
    }
}

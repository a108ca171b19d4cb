package io.backstory.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.backstory.platform.cache.ReadCache;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
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

    /**
     * A rendered page, encoded once, and the tag that names this rendering of it. A page answered from here skips
     * Quarkus' compression, which runs only for the resource's own answers, so it is kept compressed too; gzipped when
     * a browser that takes gzip first asks again, not when it is kept: most pages kept for one visitor's fresh search
     * are never asked for again, and their first answer goes through Quarkus' compression anyway.
     */
    public static final class Page implements ReadCache.Weighed {

        private final byte[] body;
        private final String etag;
        private volatile byte[] gzipped; // two first askers may both compress it: the same bytes either way

        private Page(byte[] body, String etag) {
            this.body = body;
            this.etag = etag;
        }

        static Page of(String html) {
            return new Page(html.getBytes(StandardCharsets.UTF_8), "\"" + Long.toString(System.nanoTime(), 36) + "\"");
        }

        byte[] body() {
            return body;
        }

        String etag() {
            return etag;
        }

        byte[] gzipped() {
            byte[] compressed = gzipped;
            if (compressed == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                compressed = out.toByteArray();
                gzipped = compressed;
            }
            return compressed;
        }

        /** Weighed when kept, before it is compressed: with room for the gzipped copy (HTML shrinks to a fifth or less). */
        @Override
        public int weight() {
            return body.length + body.length / 4;
        }
    }

    /** A page's address: its path and query as sent (the query null when there is none). */
    private record Key(String path, String query) {
    }

    private static final String FORM_CODE_NAME = "csrf-token";
    private static final String FORM_CODE = "name=\"" + FORM_CODE_NAME + "\"";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final ReadCache cache;

    public VisitorPages(ReadCache cache) {
        this.cache = cache;
    }

    @ServerRequestFilter
    public Response servedFromCache(ContainerRequestContext request, RoutingContext routing) {
        if (!anonymousPageRequest(request)) {
            return null;
        }
        Page page = cache.find(key(request));
        if (page == null) {
            return null;
        }
        if (page.etag().equals(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            // Not notModified(tag): it quotes the tag again, and the browser would keep that mangled copy.
            return Response.notModified().header(HttpHeaders.ETAG, page.etag()).build();
        }
        boolean gzip = acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        // With compression on, Quarkus answers "Content-Encoding: identity" unless a resource method's own chain
        // lifts it, and an answer from a filter has none; set on the Vert.x response, "gzip" replaces it, and the
        // compressor passes bytes that are already compressed through.
        routing.response().putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : "identity");
        return Response.ok(gzip ? page.gzipped() : page.body(), HTML).header(HttpHeaders.ETAG, page.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
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
        Page page = cache.get(key(request), () -> Page.of(html));
        response.setEntity(page.body(), null, HTML);
        response.getHeaders().putSingle(HttpHeaders.ETAG, page.etag());
    }

    /** Whether the browser takes gzip ("gzip", "gzip;q=0.8", but not "gzip;q=0"). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].trim().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static boolean anonymousPageRequest(ContainerRequestContext request) {
        return "GET".equals(request.getMethod()) && !request.getUriInfo().getPath().startsWith("/api/")
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().keySet().stream().allMatch(FORM_CODE_NAME::equals);
    }

    private static Key key(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        return new Key(uri.getRawPath(), uri.getRawQuery());
    }
}

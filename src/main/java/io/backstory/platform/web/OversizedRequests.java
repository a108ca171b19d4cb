package io.backstory.platform.web;

import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request body over the size limit is refused before anything reads it (quarkus.http.limits.max-body-size stays a
 * real bound). Pages get a page that says how large the text was and what fits, and that hands the text back from the
 * copy the form keeps in the browser (js/keep-text.js); the API gets a problem document. Only requests that announce
 * their length are answered here; any other oversized body still meets the server's own 413.
 */
@ApplicationScoped
class OversizedRequests {

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance tooLarge(String sent, String limit);
    }

    private final long limitBytes;

    OversizedRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limitBytes = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        long length = contentLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= limitBytes) {
            context.next();
            return;
        }
        boolean api = context.normalizedPath().startsWith("/api/");
        String body = api ? problemJson(length) : Templates.tooLarge(size(length), size(limitBytes)).render();
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/problem+json" : "text/html;charset=UTF-8")
                // The body is never read: close the connection rather than drain an upload nobody wants.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private String problemJson(long length) {
        return String.format(Locale.ROOT, "{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                + "\"detail\":\"The request body is %d bytes; the limit is %d bytes.\"}", length, limitBytes);
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "1.1 MB (1,100,017 bytes)": a size a person reads, exact enough that one just over the limit looks over it. */
    static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1_000_000.0, bytes);
    }
}

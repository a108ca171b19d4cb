package io.backstory.drafts;

import java.util.List;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A page form sent after the login session ran out would be answered by quarkus-oidc with a redirect to the login
 * server, which the browser refuses to follow after a form (the Content Security Policy's {@code form-action 'self'}),
 * so Save did nothing; or, when the session cookie's token could not be used or refreshed, with an empty 401 page.
 * Either way the text was lost. Instead, such an answer becomes a 307 to {@link DraftPages#lapsed}: the
 * browser sends the same form there, on this site, and the text is kept until the member has logged in again.
 */
@ApplicationScoped
class LapsedSessions {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::keepFormsFromLoginRedirects);
    }

    private void keepFormsFromLoginRedirects(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && !context.normalizedPath().startsWith("/api/")) {
            context.addHeadersEndHandler(ignored -> {
                var response = context.response();
                String location = response.headers().get(HttpHeaders.LOCATION);
                // A visitor's form meets the redirect to log in; a form whose session cookie holds a token that can no
                // longer be used (expired and not refreshable) meets quarkus-oidc's bare 401. Page forms answer no 401
                // of their own; the lapsed-session endpoint's own 401 (to the autosave script) stays as it is.
                boolean toLogin = response.getStatusCode() == 302 && location != null && location.contains("response_type=code");
                boolean refused = response.getStatusCode() == 401 && !DraftPages.LAPSED_PATH.equals(context.normalizedPath());
                if (toLogin || refused) {
                    response.setStatusCode(307).putHeader(HttpHeaders.LOCATION, DraftPages.LAPSED_PATH);
                    response.headers().remove("WWW-Authenticate");
                    // The login's state cookie belongs to a login that will not happen from here.
                    List<String> cookies = response.headers().getAll(HttpHeaders.SET_COOKIE).stream()
                            .filter(cookie -> !cookie.startsWith("q_auth")).toList();
                    response.headers().remove(HttpHeaders.SET_COOKIE);
                    cookies.forEach(cookie -> response.headers().add(HttpHeaders.SET_COOKIE, cookie));
                }
            });
        }
        context.next();
    }
}

package io.backstory.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.backstory.platform.errors.NotAllowedException;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

/**
 * Every state-changing page request (any method but GET, HEAD and OPTIONS outside {@code /api}) must carry a page
 * form's CSRF fields, tied to the caller's login session, and must not come from another origin.
 * <p>
 * quarkus-rest-csrf keeps its part: the form's {@code csrf-token} must equal the CSRF cookie (double submit). But it
 * checks only bodies that are forms, so an empty POST went through, and a valid cookie and token pair passes in any
 * session: cookies do not keep to one port, so a page on another port of the host can plant its own pair. Its one
 * signing option ({@code token-signature-key}) signs the cookie but binds it to no session, and issues a new token on
 * every GET, which breaks forms open in other tabs. So forms also carry {@code csrf-session}, an HMAC of the login
 * session (OIDC subject and session id) and the form's token, which another site can neither read nor compute.
 * The JSON API is not checked here: it takes bearer tokens only, which a browser never sends by itself.
 */
@ApplicationScoped
@Named("csrfGuard")
public class CsrfGuard {

    static final String SESSION_FIELD = "csrf-session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityIdentity identity;
    private final CsrfTokenParameterProvider csrf;
    private final SiteOrigin site;
    private final String tokenField;
    private final ThreadLocal<Mac> hmac;
    /** What this thread signed last and its signature: the same text always signs the same. */
    private final ThreadLocal<String[]> lastSigned = ThreadLocal.withInitial(() -> new String[2]);

    CsrfGuard(SecurityIdentity identity, CsrfTokenParameterProvider csrf, SiteOrigin site,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name") String tokenField,
            @ConfigProperty(name = "backstory.csrf.secret") String secret) {
        this.identity = identity;
        this.csrf = csrf;
        this.site = site;
        this.tokenField = tokenField;
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The {@code csrf-session} value of this request's forms ({@code inject:csrfGuard.sessionToken}). */
    public String getSessionToken() {
        return sessionToken(csrf.getToken());
    }

    /**
     * Refuses whatever quarkus-rest-csrf's own check lets through, in either order. Quarkus REST 3.31 runs filters
     * that read the form in reverse priority order (quarkus#54947): USER + 100 runs this one first, so a form without
     * a token gets this readable page rather than the library's bare 400.
     */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    @WithFormRead
    public void refuseForgedPageRequests(ResteasyReactiveContainerRequestContext request, RoutingContext routing,
            ResourceInfo resource) {
        if (SAFE_METHODS.contains(request.getMethod()) || routing.normalizedPath().startsWith("/api/")) {
            return;
        }
        if (fromAnotherOrigin(routing.request())) {
            throw refusal("It was sent from another site.");
        }
        // Page forms are always form bodies with both fields; anything else (an empty body too) is no page form.
        String token = isForm(request.getMediaType()) ? formField(request, tokenField) : null;
        if (token != null && identity.isAnonymous() && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(AcceptsLapsedSession.class)) {
            return; // the session this form was tied to has ended; quarkus-rest-csrf still compares token and cookie
        }
        String session = token == null ? null : formField(request, SESSION_FIELD);
        if (session == null || !MessageDigest.isEqual(session.getBytes(StandardCharsets.UTF_8),
                sessionToken(token).getBytes(StandardCharsets.UTF_8))) {
            throw refusal("It lacks the security code of a page opened in this login session.");
        }
    }

    /** Origin names another site, or the browser says the request came from one (another port included). */
    private boolean fromAnotherOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return (origin != null && !origin.equalsIgnoreCase(site.of(request)))
                || "cross-site".equals(fetchSite) || "same-site".equals(fetchSite);
    }

    private String sessionToken(String token) {
        String signed = "csrf-session\n" + session() + "\n" + token;
        // A page has several forms, each asking for the same value: the thread's last one is kept with what it signs.
        String[] last = lastSigned.get();
        if (!signed.equals(last[0])) {
            last[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.get().doFinal(
                    signed.getBytes(StandardCharsets.UTF_8)));
            last[0] = signed;
        }
        return last[1];
    }

    /** Subject and session id of the login (Keycloak puts {@code sid} in its tokens); empty for visitors. */
    private String session() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return Objects.toString(token.getSubject(), token.getName()) + "\n" + Objects.toString(token.getClaim("sid"), "");
        }
        return identity.getPrincipal().getName();
    }

    private static boolean isForm(MediaType type) {
        return type != null && Set.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA)
                .contains((type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT));
    }

    private static String formField(ResteasyReactiveContainerRequestContext request, String name) {
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(name, true, false);
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    private static NotAllowedException refusal(String why) {
        return new NotAllowedException("This form was not sent from a Backstory page, so nothing was changed. " + why
                + " Go back, reload the page and send it again.");
    }
}

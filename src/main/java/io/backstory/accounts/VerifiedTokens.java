package io.backstory.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tokens quarkus-oidc has verified, kept until they expire, so that the next request with the same tokens skips the
 * signature checks and the parsing of their claims: about a third of the app's CPU on a member's page view (README,
 * "What makes it fast"). Asked before quarkus-oidc's own provider; on a miss it answers nothing and quarkus-oidc
 * verifies the tokens as always, and {@link KeepVerifiedTokens} keeps what it built.
 * <p>
 * Two kinds are kept: a bearer access token (the API and scripts), and a browser session's ID and access tokens
 * together (the session cookie's, for the pages). Only an identity quarkus-oidc built from exactly those token
 * strings, for that tenant, is kept, so a token it refused never gets in and a token that differs by one character
 * misses. A bearer entry lives no longer than quarkus-oidc would accept its token: until its {@code exp}, and no
 * longer than {@code quarkus.oidc.token.age} after its {@code iat} where that age is limited. A session's entry ends
 * the refresh skew ({@code quarkus.oidc.token.refresh-token-time-skew}) before the earlier of its two tokens' ends, so
 * that quarkus-oidc sees every request from the moment it would refresh the session. The identity built at the login's
 * return or at a refresh is not kept (the next request's, from the new cookie, is). As with any JWT checked locally,
 * a key withdrawn from the realm's key set stops tokens signed with it only when they expire (Keycloak's access
 * tokens live 5 minutes).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** quarkus-oidc's name for the request's attribute naming the tenant that checks its tokens. */
    static final String TENANT_ID = "tenant-id";
    /** quarkus-oidc marks the request that returns from the login ({@code new_authentication}) or refreshed the session. */
    private static final Set<String> SESSION_CHANGES = Set.of("new_authentication", "refresh_token_grant_response");
    /**
     * Members active within a token's life (5 minutes); an entry (the identity, its claims and three token strings)
     * weighs about 10 KB by an estimate of its strings and claims (not measured), so at most about 50 MB of the heap.
     */
    private static final long MAX_ENTRIES = 5_000;
    /** Set on an identity answered from kept tokens, so it is not kept again. */
    private static final String FROM_KEPT_TOKEN = "backstory.from-kept-token";
    /** The attributes quarkus-oidc ties to the request it verified the token on. */
    private static final Set<String> REQUEST_BOUND = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    /** The tenant and the tokens checked: a bearer token alone, or a session's ID token with its access token. */
    private record Key(String tenant, String token, String sessionAccessToken) {
    }

    private record Verified(SecurityIdentity identity, Instant expires) {
    }

    private final Duration refreshSkew;
    /** The longest quarkus-oidc accepts a token after it was issued, if limited ({@code quarkus.oidc.token.age}). */
    private final Optional<Duration> maxAge;
    private final Cache<Key, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfter(Expiry.creating((Key key, Verified entry) -> Duration.between(Instant.now(), entry.expires())))
            .build();
    private final LongAdder hits = new LongAdder();

    VerifiedTokens(@ConfigProperty(name = "quarkus.oidc.token.refresh-token-time-skew") Optional<Duration> refreshSkew,
            @ConfigProperty(name = "quarkus.oidc.token.age") Optional<Duration> maxAge) {
        this.refreshSkew = refreshSkew.orElse(Duration.ZERO);
        this.maxAge = maxAge;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider, which has the default priority (1001): higher priorities are asked first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Key key = routing == null ? null : key(request.getToken(), routing);
        // the cache's expiry is the entry's own: an entry past it is never returned
        Verified entry = key == null ? null : verified.getIfPresent(key);
        if (entry == null) {
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        Map<String, Object> thisRequest = new HashMap<>();
        thisRequest.put(FROM_KEPT_TOKEN, Boolean.TRUE);
        thisRequest.put(RoutingContext.class.getName(), routing);
        thisRequest.put(AuthenticationRequestContext.class.getName(), context);
        return Uni.createFrom().item(copy(entry.identity(), thisRequest));
    }

    /** Called by {@link KeepVerifiedTokens} with each identity quarkus-oidc built, and the request it was built on. */
    void keep(SecurityIdentity identity, RoutingContext routing) {
        if (identity.isAnonymous() || routing == null || identity.getAttribute(FROM_KEPT_TOKEN) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || !(routing.get(TENANT_ID) instanceof String tenant)) {
            return;
        }
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        AccessTokenCredential accessToken = identity.getCredential(AccessTokenCredential.class);
        Instant expires = usableUntil(jwt.getExpirationTime(), jwt.getIssuedAtTime());
        Key session = idToken == null ? null : key(idToken, routing);
        Key key;
        if (idToken == null && accessToken != null && accessToken.getToken().equals(jwt.getRawToken())) {
            key = new Key(tenant, accessToken.getToken(), null);
        } else if (session != null && accessToken != null && idToken.getToken().equals(jwt.getRawToken())
                && accessToken.getToken().equals(session.sessionAccessToken())) {
            key = session;
            JsonObject access = claims(accessToken.getToken());
            Instant accessUsable = usableUntil(access.getLong("exp", 0L), access.getLong("iat", 0L));
            expires = (accessUsable.isBefore(expires) ? accessUsable : expires).minus(refreshSkew);
        } else {
            return;
        }
        if (expires.isAfter(Instant.now())) {
            verified.put(key, new Verified(copy(identity, Map.of()), expires));
        }
    }

    /** How many requests were answered from kept tokens (for tests). */
    public long hits() {
        return hits.sum();
    }

    /**
     * The key of a request's tokens, or null if they are not kept: a bearer access token, or a session's ID token
     * (not one quarkus-oidc made up for a provider that sent none) with the access token of the same cookie, on a
     * request that neither returns from the login nor refreshed the session.
     */
    private static Key key(TokenCredential credential, RoutingContext routing) {
        if (!(routing.get(TENANT_ID) instanceof String tenant)) {
            return null;
        }
        if (credential.getClass() == AccessTokenCredential.class) {
            return new Key(tenant, credential.getToken(), null);
        }
        if (credential instanceof IdTokenCredential idToken && !idToken.isInternal()
                && routing.get(AuthorizationCodeTokens.class.getName()) instanceof AuthorizationCodeTokens tokens
                && tokens.getAccessToken() != null && SESSION_CHANGES.stream().noneMatch(mark -> routing.get(mark) != null)) {
            return new Key(tenant, credential.getToken(), tokens.getAccessToken());
        }
        return null;
    }

    /** Until when quarkus-oidc would accept a token of this expiry and issue time (epoch seconds). */
    private Instant usableUntil(long exp, long issuedAt) {
        Instant until = Instant.ofEpochSecond(exp);
        if (maxAge.isPresent()) {
            Instant tooOld = Instant.ofEpochSecond(issuedAt).plus(maxAge.get());
            until = tooOld.isBefore(until) ? tooOld : until;
        }
        return until;
    }

    /** The claims of a JWT quarkus-oidc has verified (read once, when its session is kept). */
    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return parts.length < 2 ? new JsonObject()
                : new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /**
     * The identity without the request quarkus-oidc verified the token on (a kept identity must not hold on to an old
     * request), with {@code attributes} added. Built afresh rather than with {@code QuarkusSecurityIdentity.builder(identity)},
     * which would keep the original for its permission checks; this app grants by role only (no permission checks).
     */
    private static SecurityIdentity copy(SecurityIdentity identity, Map<String, Object> attributes) {
        Map<String, Object> kept = new HashMap<>(identity.getAttributes());
        kept.keySet().removeAll(REQUEST_BOUND);
        kept.putAll(attributes);
        return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal()).addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials()).addAttributes(kept).build();
    }
}

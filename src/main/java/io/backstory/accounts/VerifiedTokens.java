package io.backstory.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bearer access tokens quarkus-oidc has verified, kept until they expire, so that the next request with the same token
 * skips the signature check and the parsing of its claims: about a third of the app's CPU on a member's page view
 * (README, "What makes it fast"). Asked before quarkus-oidc's own provider; on a miss it answers nothing and
 * quarkus-oidc verifies the token as always, and {@link KeepVerifiedTokens} keeps what it built.
 * <p>
 * Only an identity quarkus-oidc built from exactly that token string, for that tenant, is kept, so a token it refused
 * never gets in and a token that differs by one character misses. An entry lives no longer than the token's own
 * {@code exp}. As with any JWT checked locally, a key withdrawn from the realm's key set stops tokens signed with it
 * only when they expire (Keycloak's access tokens live 5 minutes). Browser sessions (code flow) are not kept: their
 * refresh depends on quarkus-oidc seeing each request.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** quarkus-oidc's name for the attribute of the request and the identity naming the tenant that checked the token. */
    static final String TENANT_ID = "tenant-id";
    private static final long MAX_ENTRIES = 20_000;
    /** Set on an identity answered from a kept token, so it is not kept again. */
    private static final String FROM_KEPT_TOKEN = "backstory.from-kept-token";
    /** The attributes quarkus-oidc ties to the request it verified the token on. */
    private static final Set<String> REQUEST_BOUND = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private record Key(String tenant, String token) {
    }

    private record Verified(SecurityIdentity identity, Instant expires) {
    }

    private final Cache<Key, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfter(Expiry.creating((Key key, Verified entry) -> Duration.between(Instant.now(), entry.expires())))
            .build();
    private final LongAdder hits = new LongAdder();

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
        if (routing == null || !isBearer(request.getToken().getClass()) || !(routing.get(TENANT_ID) instanceof String tenant)) {
            return Uni.createFrom().nullItem();
        }
        Verified entry = verified.getIfPresent(new Key(tenant, request.getToken().getToken()));
        if (entry == null || !entry.expires().isAfter(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        Map<String, Object> thisRequest = new HashMap<>();
        thisRequest.put(FROM_KEPT_TOKEN, Boolean.TRUE);
        thisRequest.put(RoutingContext.class.getName(), routing);
        thisRequest.put(AuthenticationRequestContext.class.getName(), context);
        return Uni.createFrom().item(copy(entry.identity(), thisRequest));
    }

    /** Called by {@link KeepVerifiedTokens} with each identity quarkus-oidc built for a bearer token. */
    void keep(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (identity.isAnonymous() || credential == null || identity.getAttribute(FROM_KEPT_TOKEN) != null || identity.getCredential(IdTokenCredential.class) != null
                || !(identity.getAttribute(TENANT_ID) instanceof String tenant)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !credential.getToken().equals(jwt.getRawToken()) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (expires.isAfter(Instant.now())) {
            verified.put(new Key(tenant, credential.getToken()), new Verified(copy(identity, Map.of()), expires));
        }
    }

    /** How many requests were answered from kept tokens (for tests and the benchmark's notes). */
    public long hits() {
        return hits.sum();
    }

    private static boolean isBearer(Class<?> credential) {
        return credential == AccessTokenCredential.class;
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

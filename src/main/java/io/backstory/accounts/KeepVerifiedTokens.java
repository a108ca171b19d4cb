package io.backstory.accounts;

import java.util.Map;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands each identity quarkus-oidc built to {@link VerifiedTokens}. First of the augmentors, so what is kept is the
 * identity as quarkus-oidc built it; the others run again on every request, kept or not.
 */
@ApplicationScoped
class KeepVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    KeepVerifiedTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        tokens.keep(identity, HttpSecurityUtils.getRoutingContextAttribute(attributes));
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }
}

package io.backstory.platform;

import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test-only stand-in for the realm's role assignment: a verified login whose name is one of
 * {@link TestUsers#newMember()}'s fresh names gets the roles its prefix stands for, as Keycloak would give a user
 * added to the member group. The in-process OIDC server only knows roles for the names listed in
 * application.properties, and a test cannot add names to it while it runs. The token is still real and verified;
 * this bean lives in src/test/java, so it is part of {@code @QuarkusTest} applications and never of the packaged jar.
 */
@ApplicationScoped
public class FreshMemberRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> roles = identity.isAnonymous() ? Set.of() : TestUsers.freshRoles(identity.getPrincipal().getName());
        if (roles.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
    }
}

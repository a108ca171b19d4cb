package io.backstory.accounts;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Who is making this request, as pages and services see it. Named "viewer" so that the layout can show
 * the login state ({@code inject:viewer.loggedIn}).
 */
@RequestScoped
@Named("viewer")
public class CurrentMember {

    private final SecurityIdentity identity;
    private final MemberService members;
    private Member member;

    public CurrentMember(SecurityIdentity identity, MemberService members) {
        this.identity = identity;
        this.members = members;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isModerator() {
        return identity.hasRole("moderator") || identity.hasRole("admin");
    }

    /** The logged-in member's profile (created on first use). Callers must be authenticated. */
    public Member get() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("No member is logged in");
        }
        if (member == null) {
            member = members.findOrCreate(subject(), identity.getPrincipal().getName());
        }
        return member;
    }

    /** The login's e-mail address if the identity provider says it verified it ({@code email_verified}); else null. */
    public String verifiedEmail() {
        if (identity.getPrincipal() instanceof JsonWebToken token && Boolean.TRUE.equals(verifiedFlag(token))) {
            return token.getClaim("email");
        }
        return null;
    }

    private static Boolean verifiedFlag(JsonWebToken token) {
        Object flag = token.getClaim("email_verified");
        if (flag instanceof jakarta.json.JsonValue json) {
            return json == jakarta.json.JsonValue.TRUE;
        }
        return flag instanceof Boolean b ? b : null;
    }

    public String getHandle() {
        return isLoggedIn() ? get().handle : null;
    }

    private String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}

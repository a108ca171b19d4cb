package io.backstory.accounts;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.backstory.platform.cache.ReadCache;
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
    private final ReadCache cache;
    private Member member;
    /** The member's id and handle, kept per content generation, which a handle change or an account's deletion moves. */
    private MemberService.IdAndHandle known;

    public CurrentMember(SecurityIdentity identity, MemberService members, ReadCache cache) {
        this.identity = identity;
        this.members = members;
        this.cache = cache;
    }

    private record Subject(String value) {
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

    /** The logged-in member's id, without loading their profile when a page of this content generation has. */
    public long id() {
        return known().id();
    }

    public String getHandle() {
        return isLoggedIn() ? known().handle() : null;
    }

    private MemberService.IdAndHandle known() {
        if (member != null) {
            return new MemberService.IdAndHandle(member.id, member.handle);
        }
        if (known == null) {
            if (identity.isAnonymous()) {
                throw new IllegalStateException("No member is logged in");
            }
            // A member created by this request is not kept: its row is only sure once the request commits.
            known = cache.get(new Subject(subject()), () -> members.idAndHandle(subject()).orElse(null));
            if (known == null) {
                Member created = get();
                known = new MemberService.IdAndHandle(created.id, created.handle);
            }
        }
        return known;
    }

    private String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}

package io.backstory.accounts;

import java.time.Instant;
import java.util.Set;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeApi {

    public record Profile(String handle, Set<String> roles, short trustLevel, Instant memberSince) {
    }

    private final CurrentMember currentMember;
    private final SecurityIdentity identity;

    public MeApi(CurrentMember currentMember, SecurityIdentity identity) {
        this.currentMember = currentMember;
        this.identity = identity;
    }

    /** The caller's own profile, created on first call. */
    @GET
    @Authenticated
    public Profile me() {
        Member member = currentMember.get();
        return new Profile(member.handle, identity.getRoles(), member.trustLevel, member.createdAt);
    }
}

package io.backstory.accounts;

import java.time.Instant;
import java.util.Set;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class MeApi {

    public record Profile(String handle, Set<String> roles, short trustLevel, Instant memberSince) {
    }

    private final CurrentMember currentMember;
    private final SecurityIdentity identity;
    private final MemberService members;

    public MeApi(CurrentMember currentMember, SecurityIdentity identity, MemberService members) {
        this.currentMember = currentMember;
        this.identity = identity;
        this.members = members;
    }

    public record HandleRequest(String handle) {
    }

    /** Chooses or changes the caller's pseudonymous handle. */
    @jakarta.ws.rs.PUT
    @Path("me/handle")
    @Authenticated
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Profile changeHandle(HandleRequest request) {
        Member member = members.changeHandle(currentMember.id(), request == null ? null : request.handle());
        return new Profile(member.handle, identity.getRoles(), member.trustLevel, member.createdAt);
    }

    /** The caller's own profile, created on first call. */
    @GET
    @Path("me")
    @Authenticated
    public Profile me() {
        Member member = currentMember.get();
        return new Profile(member.handle, identity.getRoles(), member.trustLevel, member.createdAt);
    }
}

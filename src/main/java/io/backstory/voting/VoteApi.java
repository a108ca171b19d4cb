package io.backstory.voting;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.voting.VoteService.VoteState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@Tag(name = "Votes", description = "One vote per member per post or comment; PUT and DELETE are idempotent")
public class VoteApi {

    @Schema(example = "{\"value\": 1}")
    public record VoteRequest(@Schema(description = "1 (up) or -1 (down)") Integer value) {
    }

    private final VoteService votes;
    private final CurrentMember currentMember;

    public VoteApi(VoteService votes, CurrentMember currentMember) {
        this.votes = votes;
        this.currentMember = currentMember;
    }

    @PUT
    @Path("posts/{id}/vote")
    @Operation(summary = "Vote a post up (1) or down (-1)")
    @APIResponse(responseCode = "403", description = "Your own post")
    public VoteState votePost(@PathParam("id") long id, VoteRequest request) {
        return votes.vote(VoteTarget.POST, id, currentMember.id(), value(request));
    }

    @DELETE
    @Path("posts/{id}/vote")
    @Operation(summary = "Withdraw your vote on a post")
    public VoteState withdrawPost(@PathParam("id") long id) {
        return votes.vote(VoteTarget.POST, id, currentMember.id(), 0);
    }

    @PUT
    @Path("comments/{id}/vote")
    @Operation(summary = "Vote a comment up (1) or down (-1)")
    @APIResponse(responseCode = "403", description = "Your own comment")
    public VoteState voteComment(@PathParam("id") long id, VoteRequest request) {
        return votes.vote(VoteTarget.COMMENT, id, currentMember.id(), value(request));
    }

    @DELETE
    @Path("comments/{id}/vote")
    @Operation(summary = "Withdraw your vote on a comment")
    public VoteState withdrawComment(@PathParam("id") long id) {
        return votes.vote(VoteTarget.COMMENT, id, currentMember.id(), 0);
    }

    private static int value(VoteRequest request) {
        if (request == null || request.value() == null || (request.value() != 1 && request.value() != -1)) {
            throw new InvalidInputException("value", "must be 1 (up) or -1 (down); DELETE withdraws a vote");
        }
        return request.value();
    }
}

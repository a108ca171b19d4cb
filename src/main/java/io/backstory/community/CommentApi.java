package io.backstory.community;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentApi {

    private final CommentService comments;
    private final CurrentMember currentMember;

    public CommentApi(CommentService comments, CurrentMember currentMember) {
        this.comments = comments;
        this.currentMember = currentMember;
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "One comment")
    public CommentDetail get(@PathParam("id") long id) {
        return comments.get(id);
    }

    @PUT
    @Path("comments/{id}")
    @RolesAllowed("member")
    @Operation(summary = "Edit your comment", description = "Send the `version` you read; a stale one gets 409.")
    @APIResponse(responseCode = "409", description = "Changed since you read it; nothing saved")
    public CommentDetail edit(@PathParam("id") long id, CommentRequest request) {
        return comments.edit(id, request, currentMember.get());
    }

    @DELETE
    @Path("comments/{id}")
    @RolesAllowed("member")
    @Operation(summary = "Delete your comment; replies stay under a [deleted] placeholder")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        comments.delete(id, currentMember.get());
    }

    @GET
    @Path("comments/{id}/revisions")
    @Operation(summary = "Every saved version of a comment you may see, oldest first", description = "The public sees "
            + "the versions that were public: not text held for review, nor text a moderator replaced. Its author and "
            + "moderators see every version; `publicVersion` tells which the public sees.")
    public List<Revision> revisions(@PathParam("id") long id) {
        return comments.revisions(id, currentMember);
    }
}

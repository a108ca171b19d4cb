package io.backstory.community;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Stories, questions and tips, and their comment threads")
public class PostApi {

    private final PostService posts;
    private final PostListService lists;
    private final CommentService comments;
    private final CurrentMember currentMember;

    public PostApi(PostService posts, PostListService lists, CommentService comments, CurrentMember currentMember) {
        this.posts = posts;
        this.lists = lists;
        this.comments = comments;
        this.currentMember = currentMember;
    }

    @GET
    @Operation(summary = "Published posts, newest first",
            description = "Keyset pagination: pass the previous page's `next` as `after`. Stable under inserts.")
    public Page<PostSummary> list(
            @Parameter(description = "condition slug, e.g. herniated-disc") @QueryParam("condition") String condition,
            @Parameter(description = "remedy slug, e.g. heat") @QueryParam("remedy") String remedy,
            @Parameter(description = "story, question or tip") @QueryParam("kind") String kind,
            @Parameter(description = "cursor from the previous page") @QueryParam("after") String after,
            @Parameter(description = "page size, 1 to 100 (default 20)") @QueryParam("limit") Integer limit) {
        return lists.list(condition, remedy, kind, after, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published post")
    @APIResponse(responseCode = "404", description = "No such post, or not public")
    public PostDetail get(@PathParam("id") long id) {
        return posts.get(id);
    }

    @POST
    @RolesAllowed("member")
    @Operation(summary = "Create a post")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names each field")
    public Response create(PostRequest request) {
        PostDetail post = posts.create(request, currentMember.get());
        return Response.created(URI.create("/api/v1/posts/" + post.id())).entity(post).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("member")
    @Operation(summary = "Edit your post", description = "Send the `version` you read; a stale one gets 409 with `current`.")
    @APIResponse(responseCode = "403", description = "Not your post")
    @APIResponse(responseCode = "409", description = "Changed since you read it; nothing saved")
    public PostDetail edit(@PathParam("id") long id, PostRequest request) {
        return posts.edit(id, request, currentMember.get());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("member")
    @Operation(summary = "Delete your post")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        posts.delete(id, currentMember.get());
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "Every saved version of a post, oldest first")
    public List<Revision> revisions(@PathParam("id") long id) {
        return posts.revisions(id);
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "The comment thread, nested; Best first within a level once there are votes")
    public List<CommentNode> thread(@PathParam("id") long id) {
        return comments.thread(id);
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed("member")
    @Operation(summary = "Reply to the post, or to one of its comments with parentId")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The post or the parent comment was removed")
    public Response reply(@PathParam("id") long id, CommentRequest request) {
        CommentDetail comment = comments.create(id, request, currentMember.get());
        return Response.created(URI.create("/api/v1/comments/" + comment.id())).entity(comment).build();
    }
}

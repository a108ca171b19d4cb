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

@Path("/api/v1")
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
    @Path("posts")
    @Operation(summary = "Published posts",
            description = "Sorted by new (default), hot (score with time decay), best (Wilson lower bound) or top "
                    + "(score, within `period`). Keyset pagination: pass the previous page's `next` as `after`.")
    public Page<PostSummary> list(
            @Parameter(description = "condition slug, e.g. herniated-disc") @QueryParam("condition") String condition,
            @Parameter(description = "remedy slug, e.g. heat") @QueryParam("remedy") String remedy,
            @Parameter(description = "story, question or tip") @QueryParam("kind") String kind,
            @Parameter(description = "new, hot, best or top") @QueryParam("sort") String sort,
            @Parameter(description = "for top: week, month, year or all (default)") @QueryParam("period") String period,
            @Parameter(description = "cursor from the previous page") @QueryParam("after") String after,
            @Parameter(description = "page size, 1 to 100 (default 20)") @QueryParam("limit") Integer limit) {
        return lists.list(condition, remedy, kind, sort, period, after, limit);
    }

    @GET
    @Path("posts/{id}")
    @Operation(summary = "One published post")
    @APIResponse(responseCode = "404", description = "No such post, or not public")
    public PostDetail get(@PathParam("id") long id) {
        return posts.get(id);
    }

    @POST
    @Path("posts")
    @RolesAllowed("member")
    @Operation(summary = "Create a post")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names each field")
    public Response create(PostRequest request) {
        PostDetail post = posts.create(request, currentMember.get());
        return Response.created(URI.create("/api/v1/posts/" + post.id())).entity(post).build();
    }

    @PUT
    @Path("posts/{id}")
    @RolesAllowed("member")
    @Operation(summary = "Edit your post", description = "Send the `version` you read; a stale one gets 409 with `current`.")
    @APIResponse(responseCode = "403", description = "Not your post")
    @APIResponse(responseCode = "409", description = "Changed since you read it; nothing saved")
    public PostDetail edit(@PathParam("id") long id, PostRequest request) {
        return posts.edit(id, request, currentMember.get());
    }

    @DELETE
    @Path("posts/{id}")
    @RolesAllowed("member")
    @Operation(summary = "Delete your post")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        posts.delete(id, currentMember.get());
    }

    @GET
    @Path("posts/{id}/revisions")
    @Operation(summary = "Every saved version of a post you may see, oldest first", description = "The public sees "
            + "the versions that were public: not text held for review, nor text a moderator replaced. Its author and "
            + "moderators see every version; `publicVersion` tells which the public sees.")
    public List<Revision> revisions(@PathParam("id") long id) {
        return posts.revisions(id, currentMember);
    }

    @GET
    @Path("posts/{id}/comments")
    @Operation(summary = "The comment thread, nested",
            description = "Siblings sorted by best (default; oldest first until anyone votes), top, new or hot. Replies "
                    + "nest up to " + CommentTree.MAX_DEPTH + " levels deep, as on the page; a comment on that last level "
                    + "carries every reply below it flat in `deeperReplies`, in thread order, each with its `parentId`.")
    public List<CommentNode> thread(@PathParam("id") long id, @QueryParam("sort") String sort) {
        return CommentTree.nestForApi(comments.thread(id, CommentTree.Sort.fromParameter(sort)));
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "{\"commentId\": 42}")
    public record AcceptedAnswer(Long commentId) {
    }

    @PUT
    @Path("posts/{id}/accepted-answer")
    @RolesAllowed("member")
    @Operation(summary = "Mark the comment that answered your question (or change it)")
    @APIResponse(responseCode = "204", description = "Marked")
    public void acceptAnswer(@PathParam("id") long id, AcceptedAnswer request) {
        if (request == null || request.commentId() == null) {
            throw new io.backstory.platform.errors.InvalidInputException("commentId", "name the comment that answered the question");
        }
        posts.acceptAnswer(id, request.commentId(), currentMember.get());
    }

    @DELETE
    @Path("posts/{id}/accepted-answer")
    @RolesAllowed("member")
    @Operation(summary = "Clear the accepted answer of your question")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clearAcceptedAnswer(@PathParam("id") long id) {
        posts.acceptAnswer(id, null, currentMember.get());
    }

    @POST
    @Path("posts/{id}/comments")
    @RolesAllowed("member")
    @Operation(summary = "Reply to the post, or to one of its comments with parentId")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The post or the parent comment was removed")
    public Response reply(@PathParam("id") long id, CommentRequest request) {
        CommentDetail comment = comments.create(id, request, currentMember.get());
        return Response.created(URI.create("/api/v1/comments/" + comment.id())).entity(comment).build();
    }
}

package io.backstory.community;

import java.net.URI;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.ProblemMappers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostApi {

    private final PostService posts;
    private final CurrentMember currentMember;

    public PostApi(PostService posts, CurrentMember currentMember) {
        this.posts = posts;
        this.currentMember = currentMember;
    }

    @POST
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@Valid @NotNull(message = "a JSON body is required") PostRequest request) {
        Post post = posts.create(request, currentMember.get());
        return Response.created(URI.create("/api/v1/posts/" + post.id)).entity(PostView.of(post)).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    public PostView get(@PathParam("id") long id) {
        Post post = posts.findPublished(id);
        if (post == null) {
            throw ProblemMappers.notFound("Post " + id);
        }
        return PostView.of(post);
    }
}

package io.backstory.voting;

import java.net.URI;

import io.backstory.accounts.CurrentMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The vote buttons' form posts; each returns to where the button was. */
@Path("/")
@RolesAllowed("member")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class VotePages {

    private final VoteService votes;
    private final CurrentMember currentMember;

    public VotePages(VoteService votes, CurrentMember currentMember) {
        this.votes = votes;
        this.currentMember = currentMember;
    }

    /** value 1 or -1 votes; 0 (the pressed button again) withdraws. */
    @POST
    @Path("posts/{id}/vote")
    public Response votePost(@PathParam("id") long id, @FormParam("value") int value) {
        votes.vote(VoteTarget.POST, id, currentMember.id(), value);
        return Response.seeOther(URI.create("/posts/" + id)).build();
    }

    @POST
    @Path("comments/{id}/vote")
    public Response voteComment(@PathParam("id") long id, @FormParam("value") int value,
            @FormParam("postId") long postId) {
        votes.vote(VoteTarget.COMMENT, id, currentMember.id(), value);
        return Response.seeOther(URI.create("/posts/" + postId + "#c" + id)).build();
    }

    /** The thread's one vote form: the pressed button's name says which comment and which vote. */
    @POST
    @Path("posts/{id}/comment-votes")
    public Response voteInThread(@PathParam("id") long postId, MultivaluedMap<String, String> fields) {
        ThreadVoteButton button = ThreadVoteButton.pressed(fields.keySet());
        return voteComment(button.commentId(), button.value(), postId);
    }
}

package io.backstory.following;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The follow and bookmark buttons' form posts, and the member's lists of both, where each entry can be removed and a
 * removal undone at once.
 */
@Path("/")
@Authenticated
public class FollowingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bookmarks(List<FollowingService.Bookmark> bookmarks, FollowingService.Bookmark removed);

        static native TemplateInstance followed(List<FollowingService.FollowedCondition> conditions,
                FollowingService.FollowedCondition stopped);
    }

    private final FollowingService following;
    private final CurrentMember viewer;

    public FollowingPages(FollowingService following, CurrentMember viewer) {
        this.following = following;
        this.viewer = viewer;
    }

    @POST
    @Path("conditions/{slug}/follow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@PathParam("slug") String slug, @FormParam("follow") boolean follow,
            @FormParam("back") String back) {
        following.follow(viewer.id(), slug, follow);
        if (LIST.equals(back)) {
            // Back to the list, which offers to follow again what was just stopped.
            return Response.seeOther(URI.create(follow ? "/following" : "/following?stopped=" + slug)).build();
        }
        return Response.seeOther(URI.create("/conditions/" + slug)).build();
    }

    /** The value of a button's "back" field when it sits on the member's own list rather than on the topic. */
    private static final String LIST = "list";

    @POST
    @Path("posts/{id}/bookmark")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bookmark(@PathParam("id") long id, @FormParam("save") boolean save, @FormParam("back") String back) {
        following.bookmark(viewer.id(), id, save);
        if (LIST.equals(back)) {
            return Response.seeOther(URI.create(save ? "/bookmarks" : "/bookmarks?removed=" + id)).build();
        }
        return Response.seeOther(URI.create("/posts/" + id)).build();
    }

    @GET
    @Path("bookmarks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance bookmarks(@QueryParam("removed") Long removed) {
        long member = viewer.id();
        return Templates.bookmarks(following.bookmarks(member),
                removed == null || following.isBookmarked(member, removed) ? null : following.post(removed).orElse(null));
    }

    @GET
    @Path("following")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance followed(@QueryParam("stopped") String stopped) {
        long member = viewer.id();
        return Templates.followed(following.followedConditions(member),
                stopped == null || following.follows(member, stopped) ? null : following.condition(stopped).orElse(null));
    }
}

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The follow and bookmark buttons' form posts, and the bookmarks page. */
@Path("/")
@Authenticated
public class FollowingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bookmarks(List<FollowingService.Bookmark> bookmarks);

        static native TemplateInstance followed(List<FollowingService.FollowedCondition> conditions);
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
    public Response follow(@PathParam("slug") String slug, @FormParam("follow") boolean follow) {
        following.follow(viewer.get().id, slug, follow);
        return Response.seeOther(URI.create("/conditions/" + slug)).build();
    }

    @POST
    @Path("posts/{id}/bookmark")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bookmark(@PathParam("id") long id, @FormParam("save") boolean save) {
        following.bookmark(viewer.get().id, id, save);
        return Response.seeOther(URI.create("/posts/" + id)).build();
    }

    @GET
    @Path("bookmarks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance bookmarks() {
        return Templates.bookmarks(following.bookmarks(viewer.get().id));
    }

    @GET
    @Path("following")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance followed() {
        return Templates.followed(following.followedConditions(viewer.get().id));
    }
}

package io.backstory.following;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.notifications.NotificationService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Following", description = "Follow conditions, bookmark posts, read notifications")
public class FollowingApi {

    private final FollowingService following;
    private final NotificationService notifications;
    private final CurrentMember currentMember;

    public FollowingApi(FollowingService following, NotificationService notifications, CurrentMember currentMember) {
        this.following = following;
        this.notifications = notifications;
        this.currentMember = currentMember;
    }

    @PUT
    @Path("conditions/{slug}/follow")
    @Operation(summary = "Follow a condition: new posts there notify you")
    public void follow(@PathParam("slug") String slug) {
        following.follow(currentMember.id(), slug, true);
    }

    @DELETE
    @Path("conditions/{slug}/follow")
    public void unfollow(@PathParam("slug") String slug) {
        following.follow(currentMember.id(), slug, false);
    }

    @PUT
    @Path("posts/{id}/bookmark")
    public void bookmark(@PathParam("id") long id) {
        following.bookmark(currentMember.id(), id, true);
    }

    @DELETE
    @Path("posts/{id}/bookmark")
    public void removeBookmark(@PathParam("id") long id) {
        following.bookmark(currentMember.id(), id, false);
    }

    @GET
    @Path("me/bookmarks")
    public List<FollowingService.Bookmark> bookmarks() {
        return following.bookmarks(currentMember.id());
    }

    @GET
    @Path("me/notifications")
    public List<NotificationService.Notification> notifications() {
        return notifications.recent(currentMember.id());
    }
}

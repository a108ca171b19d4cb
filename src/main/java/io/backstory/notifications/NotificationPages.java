package io.backstory.notifications;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NotificationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<NotificationService.Notification> notifications);
    }

    private final NotificationService notifications;
    private final CurrentMember viewer;

    public NotificationPages(NotificationService notifications, CurrentMember viewer) {
        this.notifications = notifications;
        this.viewer = viewer;
    }

    @GET
    @Path("notifications")
    public TemplateInstance list() {
        // Opening the list reads them: this view still marks which were new, the header's count drops to none.
        List<NotificationService.Notification> shown = notifications.recent(viewer.id());
        notifications.markAllRead(viewer.id());
        return Templates.notifications(shown);
    }

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead() {
        notifications.markAllRead(viewer.id());
        return Response.seeOther(URI.create("/notifications")).build();
    }
}

package io.backstory.moderation;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.web.FieldErrors;
import io.backstory.taxonomy.Condition;
import io.backstory.taxonomy.TaxonomyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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

/** The review queue, one item's page with its actions, the audit log, and the members' flag forms. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewService.QueueItem> items, String category, String condition,
                List<Condition> conditions);

        static native TemplateInstance item(ReviewService.ItemDetail item, FieldErrors errors, String conflict);

        static native TemplateInstance log(List<ReviewService.LogEntry> entries);

        static native TemplateInstance flagged(String what, String back, boolean hidden);
    }

    private final ReviewService reviews;
    private final FlagService flags;
    private final CurrentMember viewer;
    private final TaxonomyCatalog catalog;

    public ModerationPages(ReviewService reviews, FlagService flags, CurrentMember viewer, TaxonomyCatalog catalog) {
        this.reviews = reviews;
        this.flags = flags;
        this.viewer = viewer;
        this.catalog = catalog;
    }

    @GET
    @Path("moderation")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance queue(@QueryParam("category") String category, @QueryParam("condition") String condition) {
        return Templates.queue(reviews.queue(category, condition), category, condition, catalog.conditions());
    }

    @GET
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance item(@PathParam("id") long id) {
        return Templates.item(reviews.item(id), FieldErrors.NONE, null);
    }

    @POST
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @FormParam("action") String action, @FormParam("version") Integer version,
            @FormParam("note") String note, @FormParam("warn") String warn, @FormParam("silenceDays") Integer silenceDays,
            @FormParam("text") String text) {
        ReviewAction chosen = FormValues.enumOrNull(ReviewAction.class, action);
        try {
            reviews.act(id, chosen, version, note, warn != null, silenceDays == null ? 0 : silenceDays, text, viewer.get());
            return Response.seeOther(URI.create("/moderation")).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.item(reviews.item(id), FieldErrors.of(e.errors()), null)).build();
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            return Response.status(409).entity(Templates.item(reviews.item(id), FieldErrors.NONE, e.problem().detail())).build();
        }
    }

    @GET
    @Path("moderation/log")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance log() {
        return Templates.log(reviews.log(200));
    }

    @POST
    @Path("posts/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance flagPost(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("note") String note) {
        FlagService.FlagResult result = flags.flag(ReviewTarget.POST, id, viewer.get(), FormValues.enumOrNull(FlagReason.class, reason), note);
        return Templates.flagged("post", "/posts/" + id, result.hidden());
    }

    @POST
    @Path("comments/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance flagComment(@PathParam("id") long id, @FormParam("reason") String reason,
            @FormParam("note") String note, @FormParam("postId") long postId) {
        FlagService.FlagResult result = flags.flag(ReviewTarget.COMMENT, id, viewer.get(), FormValues.enumOrNull(FlagReason.class, reason), note);
        return Templates.flagged("comment", "/posts/" + postId + "#c" + id, result.hidden());
    }
}

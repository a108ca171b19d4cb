package io.backstory.moderation;

import java.net.URI;
import java.util.List;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
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

        static native TemplateInstance item(ReviewService.ItemDetail item, ActionForm form, FieldErrors errors,
                String conflict);

        static native TemplateInstance flag(String what, String action, String back, Long postId, FlagForm form,
                FieldErrors errors);

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

    /** A decision as the moderator filled it in, kept when it is refused. */
    public record ActionForm(String action, String text, String note, boolean warn, int silenceDays) {

        static ActionForm of(ReviewService.ItemDetail item) {
            return new ActionForm(null, item.bodyMarkdown() == null ? "" : item.bodyMarkdown(), "", false, 0);
        }
    }

    @GET
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance item(@PathParam("id") long id) {
        ReviewService.ItemDetail item = reviews.item(id);
        return Templates.item(item, ActionForm.of(item), FieldErrors.NONE, null);
    }

    @POST
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @FormParam("action") String action, @FormParam("version") Integer version,
            @FormParam("note") String note, @FormParam("warn") String warn, @FormParam("silenceDays") Integer silenceDays,
            @FormParam("text") String text) {
        ActionForm form = new ActionForm(action, text == null ? "" : text, note == null ? "" : note, warn != null,
                silenceDays == null ? 0 : silenceDays);
        return FormSubmission.submit("note", () -> {
            reviews.act(id, FormValues.enumOrNull(ReviewAction.class, action), version, note, form.warn(),
                    form.silenceDays(), text, viewer.get());
            return Response.seeOther(URI.create("/moderation")).build();
        }, refusal -> Templates.item(reviews.item(id), form, refusal.isConflict() ? FieldErrors.NONE : refusal.errors(),
                refusal.isConflict() ? refusal.problem().detail() : null));
    }

    @GET
    @Path("moderation/log")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance log() {
        return Templates.log(reviews.log(200));
    }

    /** A flag as the member filled it in, kept when it is refused. */
    public record FlagForm(String reason, String note) {
    }

    /** The flag form on a page of its own: where the in-thread form leads without JavaScript, and after a refusal. */
    @GET
    @Path("posts/{id}/flag")
    @RolesAllowed("member")
    public TemplateInstance flagPostForm(@PathParam("id") long id) {
        return flagPage(ReviewTarget.POST, id, null, new FlagForm(null, ""), FieldErrors.NONE);
    }

    @GET
    @Path("comments/{id}/flag")
    @RolesAllowed("member")
    public TemplateInstance flagCommentForm(@PathParam("id") long id, @QueryParam("postId") long postId) {
        return flagPage(ReviewTarget.COMMENT, id, postId, new FlagForm(null, ""), FieldErrors.NONE);
    }

    @POST
    @Path("posts/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagPost(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("note") String note) {
        return flag(ReviewTarget.POST, id, null, new FlagForm(reason, note == null ? "" : note));
    }

    @POST
    @Path("comments/{id}/flag")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagComment(@PathParam("id") long id, @FormParam("reason") String reason,
            @FormParam("note") String note, @FormParam("postId") long postId) {
        return flag(ReviewTarget.COMMENT, id, postId, new FlagForm(reason, note == null ? "" : note));
    }

    private Response flag(ReviewTarget target, long id, Long postId, FlagForm form) {
        return FormSubmission.submit("note", () -> {
            FlagService.FlagResult result = flags.flag(target, id, viewer.get(),
                    FormValues.enumOrNull(FlagReason.class, form.reason()), form.note());
            return Response.ok(Templates.flagged(target.noun(), back(target, id, postId), result.hidden())).build();
        }, refusal -> flagPage(target, id, postId, form, refusal.errors()));
    }

    private static TemplateInstance flagPage(ReviewTarget target, long id, Long postId, FlagForm form, FieldErrors errors) {
        return Templates.flag(target.noun(), "/" + target.noun() + "s/" + id + "/flag", back(target, id, postId), postId,
                form, errors);
    }

    private static String back(ReviewTarget target, long id, Long postId) {
        return target == ReviewTarget.POST ? "/posts/" + id : "/posts/" + postId + "#c" + id;
    }
}

package io.backstory.moderation;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.backstory.accounts.CurrentMember;
import io.backstory.moderation.model.ScreeningModels;
import io.backstory.platform.web.FormSubmission;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The screening model's versions for moderators: what each learnt from and how it scored, which one is in use, a
 * retrain on demand, and putting an earlier version back in one click.
 */
@Path("/moderation/screening")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"moderator", "admin"})
public class ScreeningModelPages {

    /** What the page says after a retrain (or a retrain with nothing new to learn) or a change of version. */
    public record Outcome(ScreeningModels.Version version, boolean retrained, boolean nothingNew, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance versions(List<ScreeningModels.Version> versions, long newLessons, Outcome outcome);
    }

    private final ScreeningModels models;
    private final CurrentMember viewer;

    public ScreeningModelPages(ScreeningModels models, CurrentMember viewer) {
        this.models = models;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance versions(@QueryParam("trained") Long trained, @QueryParam("unchanged") Long unchanged,
            @QueryParam("used") Long used) {
        Long shown = trained != null ? trained : unchanged != null ? unchanged : used;
        Optional<ScreeningModels.Version> version = shown == null ? Optional.empty()
                : models.versions().stream().filter(v -> v.id() == shown).findFirst();
        return page(version.map(v -> new Outcome(v, trained != null, unchanged != null, null)).orElse(null));
    }

    @POST
    @Path("retrain")
    public Response retrain() {
        ScreeningModels.Retrained retrained = models.retrain(ScreeningModels.TrainedFor.MODERATOR, viewer.get().id);
        return Response.seeOther(URI.create("/moderation/screening?" + (retrained.nothingNew() ? "unchanged=" : "trained=")
                + retrained.version().id())).build();
    }

    @POST
    @Path("versions/{id}/use")
    public Response use(@PathParam("id") long id) {
        return FormSubmission.submit("version", () -> {
            models.use(id);
            return Response.seeOther(URI.create("/moderation/screening?used=" + id)).build();
        }, refusal -> page(new Outcome(null, false, false, refusal.problem().detail())));
    }

    private TemplateInstance page(Outcome outcome) {
        return Templates.versions(models.versions(), models.newLessons(), outcome);
    }
}

package io.backstory.moderation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.backstory.accounts.CurrentMember;
import io.backstory.moderation.model.ModelScore;
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

    /**
     * A version with the figures of the version in use when it was trained, so the page can say what got worse: a
     * retrain is judged on its overall score, and one figure may fall while others rise.
     */
    public record VersionView(ScreeningModels.Version version, ModelScore comparedScore) {

        public List<String> worse() {
            return comparedScore == null ? List.of() : version.score().worseThan(comparedScore);
        }
    }

    /**
     * What the page says after a retrain (or a retrain with nothing new to learn) or a change of version; after a
     * change, {@code replaced} is the version it replaced, which the page offers to put back.
     */
    public record Outcome(VersionView shown, boolean retrained, boolean nothingNew, Long replaced, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance versions(List<VersionView> versions, List<ScreeningModels.Switch> switches,
                long newLessons, int evaluationSize, String margin, Outcome outcome);
    }

    private final ScreeningModels models;
    private final CurrentMember viewer;

    public ScreeningModelPages(ScreeningModels models, CurrentMember viewer) {
        this.models = models;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance versions(@QueryParam("trained") Long trained, @QueryParam("unchanged") Long unchanged,
            @QueryParam("used") Long used, @QueryParam("replaced") Long replaced) {
        List<VersionView> views = views();
        Long shown = trained != null ? trained : unchanged != null ? unchanged : used;
        Outcome outcome = views.stream().filter(v -> shown != null && v.version().id() == shown).findFirst()
                .map(v -> new Outcome(v, trained != null, unchanged != null, used != null && !used.equals(replaced) ? replaced : null,
                        null)).orElse(null);
        return page(views, outcome);
    }

    @POST
    @Path("retrain")
    public Response retrain() {
        ScreeningModels.Retrained retrained = models.retrain(ScreeningModels.TrainedFor.MODERATOR, viewer.id());
        return Response.seeOther(URI.create("/moderation/screening?" + (retrained.nothingNew() ? "unchanged=" : "trained=")
                + retrained.version().id())).build();
    }

    @POST
    @Path("versions/{id}/use")
    public Response use(@PathParam("id") long id) {
        return FormSubmission.submit("version", () -> {
            long replaced = models.use(id, viewer.id());
            return Response.seeOther(URI.create("/moderation/screening?used=" + id + "&replaced=" + replaced)).build();
        }, refusal -> page(views(), new Outcome(null, false, false, null, refusal.reason())));
    }

    private List<VersionView> views() {
        List<ScreeningModels.Version> versions = models.versions();
        Map<Long, ModelScore> scores = versions.stream().collect(Collectors.toMap(ScreeningModels.Version::id,
                ScreeningModels.Version::score));
        return versions.stream()
                .map(v -> new VersionView(v, v.comparedWith() == null ? null : scores.get(v.comparedWith()))).toList();
    }

    private TemplateInstance page(List<VersionView> views, Outcome outcome) {
        return Templates.versions(views, models.switches(), models.newLessons(), models.evaluationSplit().size(), ModelScore.margin(), outcome);
    }
}

package io.backstory.taxonomy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.backstory.taxonomy.TaxonomyRequests.ConditionRequest;
import io.backstory.taxonomy.TaxonomyRequests.DecisionRequest;
import io.backstory.taxonomy.TaxonomyRequests.RemedyRequest;
import io.backstory.taxonomy.TaxonomyRequests.SuggestionRequest;
import io.backstory.taxonomy.TaxonomyRequests.TagRequest;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
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

/** Suggesting a missing tag (members), deciding on suggestions and editing tags (moderators). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TaxonomyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance suggest(SuggestionRequest form, FieldErrors errors, boolean sent,
                List<RemedyCategory> categories);

        static native TemplateInstance review(List<TaxonomyService.PendingSuggestion> suggestions, FieldErrors errors, Refused refused,
                List<RemedyCategory> categories);

        static native TemplateInstance editCondition(ConditionView condition, ConditionRequest form, FieldErrors errors);

        static native TemplateInstance editRemedy(RemedyView remedy, RemedyRequest form, FieldErrors errors,
                List<RemedyCategory> categories);
    }

    /** A refused decision as the moderator typed it, shown again on its suggestion. */
    public record Refused(long id, String slug, String reason) {
    }

    private static final List<RemedyCategory> CATEGORIES = Arrays.asList(RemedyCategory.values());

    private final TaxonomyService taxonomy;
    private final CurrentMember viewer;

    public TaxonomyPages(TaxonomyService taxonomy, CurrentMember viewer) {
        this.taxonomy = taxonomy;
        this.viewer = viewer;
    }

    @GET
    @Path("tags/suggest")
    @RolesAllowed("member")
    public TemplateInstance suggestForm(@QueryParam("sent") boolean sent) {
        return Templates.suggest(new SuggestionRequest(TagSuggestion.Kind.CONDITION, "", null, ""), FieldErrors.NONE,
                sent, CATEGORIES);
    }

    @POST
    @Path("tags/suggest")
    @RolesAllowed("member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suggest(@FormParam("kind") String kind, @FormParam("name") String name,
            @FormParam("category") String category, @FormParam("note") String note) {
        SuggestionRequest form = new SuggestionRequest(FormValues.enumOrNull(TagSuggestion.Kind.class, kind), name,
                FormValues.enumOrNull(RemedyCategory.class, category), note);
        return FormSubmission.submit("note", () -> {
            taxonomy.suggest(form, viewer.get());
            return Response.seeOther(URI.create("/tags/suggest?sent=true")).build();
        }, refusal -> Templates.suggest(form, refusal.errors(), false, CATEGORIES));
    }

    @GET
    @Path("moderation/tags")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance review() {
        return Templates.review(taxonomy.pendingWithLookalikes(), FieldErrors.NONE, null, CATEGORIES);
    }

    @POST
    @Path("moderation/tags/{id}")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @FormParam("decision") String decision,
            @FormParam("slug") String slug, @FormParam("category") String category, @FormParam("reason") String reason) {
        return FormSubmission.submit("reason", () -> {
            taxonomy.decide(id, new DecisionRequest(decision == null ? null : "approve".equals(decision),
                    FormValues.blankToNull(slug), null, FormValues.enumOrNull(RemedyCategory.class, category), reason), viewer.get());
            return Response.seeOther(URI.create("/moderation/tags")).build();
        }, refusal -> Templates.review(taxonomy.pendingWithLookalikes(), refusal.errors(), new Refused(id, slug, reason),
                CATEGORIES));
    }

    @GET
    @Path("conditions/{slug}/edit")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance editConditionForm(@PathParam("slug") String slug) {
        ConditionView condition = taxonomy.condition(slug);
        return Templates.editCondition(condition, new ConditionRequest(condition.slug(), condition.name(),
                condition.description(), condition.redFlags(), condition.synonyms()), FieldErrors.NONE);
    }

    @POST
    @Path("conditions/{slug}/edit")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editCondition(@PathParam("slug") String slug, @FormParam("name") String name,
            @FormParam("description") String description, @FormParam("redFlags") String redFlags,
            @FormParam("synonyms") String synonyms) {
        ConditionRequest form = new ConditionRequest(slug, name, description, redFlags, lines(synonyms));
        return saveEdit(TagFamily.CONDITIONS, slug, form,
                refusal -> Templates.editCondition(taxonomy.condition(slug), form, refusal.errors()));
    }

    @GET
    @Path("remedies/{slug}/edit")
    @RolesAllowed({"moderator", "admin"})
    public TemplateInstance editRemedyForm(@PathParam("slug") String slug) {
        RemedyView remedy = taxonomy.remedy(slug);
        return Templates.editRemedy(remedy, new RemedyRequest(remedy.slug(), remedy.name(), remedy.category(),
                remedy.description(), remedy.caution(), remedy.synonyms()), FieldErrors.NONE, CATEGORIES);
    }

    @POST
    @Path("remedies/{slug}/edit")
    @RolesAllowed({"moderator", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editRemedy(@PathParam("slug") String slug, @FormParam("name") String name,
            @FormParam("category") String category, @FormParam("description") String description,
            @FormParam("caution") String caution, @FormParam("synonyms") String synonyms) {
        RemedyRequest form = new RemedyRequest(slug, name, FormValues.enumOrNull(RemedyCategory.class, category), description, caution,
                lines(synonyms));
        return saveEdit(TagFamily.REMEDIES, slug, form,
                refusal -> Templates.editRemedy(taxonomy.remedy(slug), form, refusal.errors(), CATEGORIES));
    }

    /** Saves a moderator's edit and shows the tag's page; a refusal shows the form again with what they typed. */
    private <R extends TagRequest> Response saveEdit(TagFamily<?, R, ?> family, String slug, R form,
            Function<FormSubmission.Refusal, TemplateInstance> formAgain) {
        return FormSubmission.submit("description", () -> {
            taxonomy.update(family, slug, form);
            return Response.seeOther(URI.create(family.path + slug)).build();
        }, formAgain);
    }

    /** One synonym per line (commas also separate), blanks ignored. */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

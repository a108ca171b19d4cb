package io.backstory.taxonomy;

import static io.backstory.taxonomy.TagFamily.CONDITIONS;
import static io.backstory.taxonomy.TagFamily.REMEDIES;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.taxonomy.TaxonomyRequests.ConditionRequest;
import io.backstory.taxonomy.TaxonomyRequests.DecisionRequest;
import io.backstory.taxonomy.TaxonomyRequests.RemedyRequest;
import io.backstory.taxonomy.TaxonomyRequests.SuggestionRequest;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.Match;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
import io.backstory.taxonomy.TaxonomyViews.SuggestionView;
import io.backstory.taxonomy.TaxonomyViews.TagView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Lookup, tags and suggestions. Conditions and remedies keep endpoints of their own, so that each has its typed request
 * and answer in the OpenAPI document; each is one call over its {@link TagFamily}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Taxonomy", description = "Conditions, remedies, their synonyms, and suggestions for new ones")
public class TaxonomyApi {

    private final TaxonomyService taxonomy;
    private final CurrentMember currentMember;

    public TaxonomyApi(TaxonomyService taxonomy, CurrentMember currentMember) {
        this.taxonomy = taxonomy;
        this.currentMember = currentMember;
    }

    @GET
    @Path("taxonomy/lookup")
    @Operation(summary = "Find conditions and remedies by name or synonym",
            description = "\"slipped disc\" finds herniated-disc, \"Advil\" finds nsaids. Exact matches first.")
    public List<Match> lookup(@Parameter(description = "1 to 100 characters") @QueryParam("q") String q) {
        return taxonomy.lookup(q);
    }

    @GET
    @Path("conditions")
    public List<ConditionView> conditions() {
        return taxonomy.all(CONDITIONS);
    }

    @GET
    @Path("conditions/{slug}")
    public ConditionView condition(@PathParam("slug") String slug) {
        return taxonomy.get(CONDITIONS, slug);
    }

    @POST
    @Path("conditions")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Add a condition")
    public Response createCondition(ConditionRequest request) {
        return created(CONDITIONS, taxonomy.create(CONDITIONS, request));
    }

    @PUT
    @Path("conditions/{slug}")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Edit a condition and replace its synonyms")
    public ConditionView updateCondition(@PathParam("slug") String slug, ConditionRequest request) {
        return taxonomy.update(CONDITIONS, slug, request);
    }

    @GET
    @Path("remedies")
    public List<RemedyView> remedies() {
        return taxonomy.all(REMEDIES);
    }

    @GET
    @Path("remedies/{slug}")
    public RemedyView remedy(@PathParam("slug") String slug) {
        return taxonomy.get(REMEDIES, slug);
    }

    @POST
    @Path("remedies")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Add a remedy")
    public Response createRemedy(RemedyRequest request) {
        return created(REMEDIES, taxonomy.create(REMEDIES, request));
    }

    @PUT
    @Path("remedies/{slug}")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Edit a remedy and replace its synonyms")
    public RemedyView updateRemedy(@PathParam("slug") String slug, RemedyRequest request) {
        return taxonomy.update(REMEDIES, slug, request);
    }

    private static Response created(TagFamily<?, ?, ?> family, TagView created) {
        return Response.created(URI.create("/api/v1" + family.path + created.slug())).entity(created).build();
    }

    @POST
    @Path("tag-suggestions")
    @RolesAllowed("member")
    @Operation(summary = "Suggest a missing condition or remedy; a moderator approves it")
    public Response suggest(SuggestionRequest request) {
        SuggestionView created = taxonomy.suggest(request, currentMember.get());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("tag-suggestions")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Suggestions waiting for a decision, oldest first")
    public List<SuggestionView> pending() {
        return taxonomy.pendingSuggestions();
    }

    @POST
    @Path("tag-suggestions/{id}/decision")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Approve (creating the tag) or reject a suggestion; 409 if already decided")
    public SuggestionView decide(@PathParam("id") long id, DecisionRequest request) {
        return taxonomy.decide(id, request, currentMember.get());
    }
}

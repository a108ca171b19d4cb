package io.backstory.taxonomy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
import io.backstory.taxonomy.TaxonomyRequests.DecisionRequest;
import io.backstory.taxonomy.TaxonomyRequests.SuggestionRequest;
import io.backstory.taxonomy.TaxonomyViews.Match;
import io.backstory.taxonomy.TaxonomyViews.SuggestionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Lookup and suggestions; conditions and remedies have their own resources ({@link TagFamilyApi}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Taxonomy", description = "Finding conditions and remedies by name or synonym, and suggestions for new ones")
public class TaxonomyApi {

    private final TaxonomyService taxonomy;
    private final CurrentMember currentMember;
    private final ConditionApi conditions;
    private final RemedyApi remedies;

    public TaxonomyApi(TaxonomyService taxonomy, CurrentMember currentMember, ConditionApi conditions, RemedyApi remedies) {
        this.taxonomy = taxonomy;
        this.currentMember = currentMember;
        this.conditions = conditions;
        this.remedies = remedies;
    }

    /** Sub-resources, so that other features' paths below them (a condition's follow) still route to their own class. */
    @Path("conditions")
    public ConditionApi conditions() {
        return conditions;
    }

    @Path("remedies")
    public RemedyApi remedies() {
        return remedies;
    }

    @GET
    @Path("taxonomy/lookup")
    @Operation(summary = "Find conditions and remedies by name or synonym",
            description = "\"slipped disc\" finds herniated-disc, \"Advil\" finds nsaids. Exact matches first.")
    public List<Match> lookup(@Parameter(description = "1 to 100 characters") @QueryParam("q") String q) {
        return taxonomy.lookup(q);
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

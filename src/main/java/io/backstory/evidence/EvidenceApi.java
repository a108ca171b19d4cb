package io.backstory.evidence;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.platform.api.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "What helped, and the best tips, per condition")
public class EvidenceApi {

    private final EvidenceService evidence;
    private final TipService tips;

    public EvidenceApi(EvidenceService evidence, TipService tips) {
        this.evidence = evidence;
        this.tips = tips;
    }

    @GET
    @Path("conditions/{slug}/evidence")
    @Operation(summary = "Remedy outcomes reported for a condition",
            description = "Ranked by the lower bound of the 95% Wilson interval of the helped share; remedies with "
                    + "fewer than 5 reports are in `tooFewReports`.")
    public Evidence conditionEvidence(@PathParam("slug") String slug) {
        return evidence.forCondition(slug);
    }

    @GET
    @Path("remedies/{slug}/evidence")
    @Operation(summary = "How a remedy fared in each condition")
    public Evidence remedyEvidence(@PathParam("slug") String slug) {
        return evidence.forRemedy(slug);
    }

    @GET
    @Path("conditions/{slug}/tips")
    @Operation(summary = "Best tips for a condition", description = "Tip posts, posts with remedy outcomes and comments "
            + "tagged with remedies, ranked by Best (Wilson lower bound), newest first on ties. Keyset-paged.")
    public Page<Tip> bestTips(@PathParam("slug") String slug, @QueryParam("remedy") String remedy,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return tips.bestTips(slug, remedy, after, limit);
    }
}

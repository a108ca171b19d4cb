package io.backstory.moderation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.platform.api.InputValidator;
import io.backstory.taxonomy.TagResolver;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MemberText;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ScreeningApi {

    @Schema(example = "{\"text\": \"Have your husband pull your legs to fix the disc\", \"conditions\": [\"herniated-disc\"]}")
    public record ScreeningRequest(
            @NotNull(message = "text is required") @MemberText(min = 0, max = ContentLimits.POST_BODY_MAX) String text,
            @Size(max = 5, message = "at most 5 conditions") List<String> conditions) {
    }

    private final ScreeningService screening;
    private final InputValidator validator;
    private final TagResolver tags;
    private final PreviewLimit previews;
    private final SecurityIdentity identity;
    private final io.backstory.accounts.CurrentMember currentMember;

    public ScreeningApi(ScreeningService screening, InputValidator validator, TagResolver tags, PreviewLimit previews,
            SecurityIdentity identity, io.backstory.accounts.CurrentMember currentMember) {
        this.screening = screening;
        this.validator = validator;
        this.tags = tags;
        this.previews = previews;
        this.identity = identity;
        this.currentMember = currentMember;
    }

    @POST
    @Path("screening")
    @Transactional
    @Operation(summary = "Preview what safety screening says about a text", description = "Anyone may call it (it is "
            + "what the new-post form shows live); a limited number of calls a minute per member or address "
            + "(`BACKSTORY_LIMITS_PREVIEWS_PER_MINUTE`, 60 by default), shared with the page's previews.")
    @APIResponse(responseCode = "429", description = "Too many previews; see Retry-After")
    public ScreeningResult preview(ScreeningRequest request, @Context HttpServerRequest http) {
        validator.check(request);
        List<String> conditions = request.conditions() == null ? List.of()
                : tags.conditions(request.conditions(), "conditions").stream().map(c -> c.slug).toList();
        if (identity.isAnonymous()) {
            previews.acquireForAddress(http.remoteAddress().hostAddress());
        } else {
            previews.acquire(currentMember.get());
        }
        return screening.screen(request.text(), conditions);
    }
}

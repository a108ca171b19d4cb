package io.backstory.moderation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backstory.accounts.CurrentMember;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ModerationApi {

    @Schema(example = "{\"reason\": \"UNSAFE_ADVICE\", \"note\": \"Suggests traction by a family member\"}")
    public record FlagRequest(FlagReason reason, String note) {
    }

    @Schema(example = "{\"action\": \"HIDE\", \"version\": 0, \"note\": \"Home traction can hurt a herniated disc\", \"warn\": false, \"silenceDays\": 0}")
    public record ActionRequest(ReviewAction action, Integer version, String note, Boolean warn, Integer silenceDays,
            @Schema(description = "the edited Markdown text, for EDIT_AND_APPROVE") String text) {
    }

    @Schema(example = "{\"rule\": {\"code\": \"unsafe-cupping\", \"category\": \"UNSAFE_ADVICE\", \"subcategory\": \"home cupping\", \"action\": \"FLAG\", \"patterns\": \"cupping & home|yourself\", \"minRegexHits\": 1, \"notice\": \"...\", \"negatable\": true, \"enabled\": true}, \"text\": \"Try cupping at home\"}")
    public record RuleTest(RuleService.RuleRequest rule, String text, List<String> conditions) {
    }

    private final FlagService flags;
    private final ReviewQueue queue;
    private final ReviewDecisions decisions;
    private final AuditLog auditLog;
    private final RuleService rules;
    private final CurrentMember currentMember;

    public ModerationApi(FlagService flags, ReviewQueue queue, ReviewDecisions decisions, AuditLog auditLog,
            RuleService rules, CurrentMember currentMember) {
        this.flags = flags;
        this.queue = queue;
        this.decisions = decisions;
        this.auditLog = auditLog;
        this.rules = rules;
        this.currentMember = currentMember;
    }

    @GET
    @Path("moderation/rules")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Every screening rule, enabled or not")
    public List<RuleService.RuleView> rules() {
        return rules.list();
    }

    @GET
    @Path("moderation/rules/{code}")
    @RolesAllowed({"moderator", "admin"})
    public RuleService.RuleView rule(@PathParam("code") String code) {
        return rules.get(code);
    }

    @POST
    @Path("moderation/rules")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Add a rule; patterns that do not compile are a 400 naming the line")
    public Response createRule(RuleService.RuleRequest rule) {
        return Response.status(201).entity(rules.create(rule)).build();
    }

    @jakarta.ws.rs.PUT
    @Path("moderation/rules/{code}")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Edit, enable or disable a rule (send the version you read)")
    public RuleService.RuleView updateRule(@PathParam("code") String code, RuleService.RuleRequest rule) {
        return rules.update(code, rule);
    }

    @POST
    @Path("moderation/rules/test")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Run a rule that is not saved on sample text")
    public ScreeningResult testRule(RuleTest request) {
        if (request == null) {
            throw new io.backstory.platform.errors.InvalidInputException("body", "a request body is required");
        }
        return rules.test(request.rule(), request.text(), request.conditions());
    }

    @POST
    @Path("posts/{id}/flags")
    @RolesAllowed("member")
    @Operation(summary = "Flag a post for the moderators")
    @APIResponse(responseCode = "409", description = "You already flagged it")
    public Response flagPost(@PathParam("id") long id, FlagRequest request) {
        return Response.status(201).entity(flag(ReviewTarget.POST, id, request)).build();
    }

    @POST
    @Path("comments/{id}/flags")
    @RolesAllowed("member")
    @Operation(summary = "Flag a comment for the moderators")
    public Response flagComment(@PathParam("id") long id, FlagRequest request) {
        return Response.status(201).entity(flag(ReviewTarget.COMMENT, id, request)).build();
    }

    @GET
    @Path("moderation/queue")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Open review items, most severe and oldest first")
    public List<QueueItem> queue(@QueryParam("category") String category,
            @QueryParam("condition") String condition) {
        return queue.queue(category, condition);
    }

    @GET
    @Path("moderation/items/{id}")
    @RolesAllowed({"moderator", "admin"})
    public ItemDetail item(@PathParam("id") long id) {
        return queue.item(id);
    }

    @POST
    @Path("moderation/items/{id}/actions")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Decide an item", description = "Send the item `version` you reviewed; if another moderator "
            + "acted first you get 409 and nothing changes.")
    @APIResponse(responseCode = "409", description = "Another moderator acted first")
    public ItemDetail act(@PathParam("id") long id, ActionRequest request) {
        if (request == null) {
            throw new io.backstory.platform.errors.InvalidInputException("body", "a request body is required");
        }
        return decisions.act(new Decision(id, request.action(), request.version(), request.note(),
                Boolean.TRUE.equals(request.warn()), request.silenceDays() == null ? 0 : request.silenceDays(), request.text()),
                currentMember.get());
    }

    @GET
    @Path("moderation/log")
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "The audit log, newest first")
    public List<LogEntry> log() {
        return auditLog.latest(200);
    }

    private FlagService.FlagResult flag(ReviewTarget target, long id, FlagRequest request) {
        if (request == null) {
            throw new io.backstory.platform.errors.InvalidInputException("reason", "choose a reason");
        }
        return flags.flag(target, id, currentMember.get(), request.reason(), request.note());
    }
}

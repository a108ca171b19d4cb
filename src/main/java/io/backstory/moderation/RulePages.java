package io.backstory.moderation;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import io.backstory.platform.api.FormValues;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Moderators list, add, edit, disable and test screening rules. Test runs the form's rule without saving it. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"moderator", "admin"})
public class RulePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(List<RuleService.RuleView> rules);

        static native TemplateInstance rule(boolean isNew, RuleService.RuleRequest form, FieldErrors errors,
                String sample, RuleService.SampleTest tested, RuleService.DryRun dryRun, String conflict,
                List<ScreeningCategory> categories, List<ScreeningAction> actions, int dryRunWritings);
    }

    private static final List<ScreeningCategory> CATEGORIES = Arrays.asList(ScreeningCategory.values());
    private static final List<ScreeningAction> ACTIONS = List.of(ScreeningAction.NOTICE, ScreeningAction.FLAG,
            ScreeningAction.HOLD, ScreeningAction.BLOCK);

    private final RuleService rules;

    public RulePages(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @Path("moderation/rules")
    public TemplateInstance list() {
        return Templates.rules(rules.list());
    }

    @GET
    @Path("moderation/rules/new")
    public TemplateInstance newRule() {
        return page(true, new RuleService.RuleRequest("", ScreeningCategory.UNSAFE_ADVICE, "", ScreeningAction.FLAG, "", "",
                true, null, 1, null, "", true, null), FieldErrors.NONE, "", null, null, null);
    }

    @GET
    @Path("moderation/rules/{code}")
    public TemplateInstance edit(@PathParam("code") String code) {
        RuleService.RuleView r = rules.get(code);
        return page(false, new RuleService.RuleRequest(r.code(), r.category(), r.subcategory(), r.action(), r.patterns(),
                r.exceptions(), r.negatable(), r.regex(), r.minRegexHits(), r.conditionScope(), r.notice(), r.enabled(),
                r.version()), FieldErrors.NONE, "", null, null, null);
    }

    /**
     * One form for new and existing rules: "test" runs it on the sample, "dry-run" on recent posts and comments,
     * "save" stores it.
     */
    @POST
    @Path("moderation/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("submit") String submit, @FormParam("isNew") boolean isNew,
            @FormParam("code") String code, @FormParam("category") String category,
            @FormParam("subcategory") String subcategory, @FormParam("action") String action,
            @FormParam("patterns") String patterns, @FormParam("exceptions") String exceptions,
            @FormParam("negatable") String negatable, @FormParam("regex") String regex,
            @FormParam("minRegexHits") Integer minRegexHits, @FormParam("conditionScope") String conditionScope,
            @FormParam("notice") String notice, @FormParam("enabled") String enabled,
            @FormParam("version") Integer version, @FormParam("sample") String sample) {
        RuleService.RuleRequest form = new RuleService.RuleRequest(code, FormValues.enumOrNull(ScreeningCategory.class, category),
                subcategory, FormValues.enumOrNull(ScreeningAction.class, action), patterns, exceptions, negatable != null, regex,
                minRegexHits == null ? 1 : minRegexHits, conditionScope, notice, enabled != null, version);
        return FormSubmission.submit("patterns", () -> {
            if ("test".equals(submit)) {
                return Response.ok(page(isNew, form, FieldErrors.NONE, sample, rules.testSample(form, sample), null, null))
                        .build();
            }
            if ("dry-run".equals(submit)) {
                return Response.ok(page(isNew, form, FieldErrors.NONE, sample, null, rules.dryRun(form), null)).build();
            }
            if (isNew) {
                rules.create(form);
            } else {
                rules.update(code, form);
            }
            return Response.seeOther(URI.create("/moderation/rules")).build();
        }, refusal -> page(isNew, form, refusal.isConflict() ? FieldErrors.NONE : sampleErrors(refusal.errors()), sample,
                null, null, refusal.isConflict() ? refusal.reason() : null));
    }

    /** The test run names its sample "text"; on this form that field is "sample". */
    private static FieldErrors sampleErrors(FieldErrors errors) {
        return errors.renamed("text", "sample");
    }

    private TemplateInstance page(boolean isNew, RuleService.RuleRequest form, FieldErrors errors, String sample,
            RuleService.SampleTest tested, RuleService.DryRun dryRun, String conflict) {
        return Templates.rule(isNew, form, errors, sample == null ? "" : sample, tested, dryRun, conflict, CATEGORIES,
                ACTIONS, rules.dryRunWritings());
    }
}

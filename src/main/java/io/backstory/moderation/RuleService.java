package io.backstory.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.backstory.platform.Limits;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.CurrentState;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.MemberText;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Moderators manage screening rules: list, add, edit, disable, and test a rule on sample text before saving. */
@ApplicationScoped
public class RuleService {

    @Schema(description = "A screening rule; patterns use the language described in migration V5 and the README")
    public record RuleRequest(
            @NotBlank(message = "a code is required") @Size(max = 60, message = "must be at most 60 characters")
            @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "use lowercase letters, digits and hyphens") String code,
            @NotNull(message = "choose a category") ScreeningCategory category,
            @MemberText(max = 60, multiLine = false, required = "a subcategory is required") String subcategory,
            @NotNull(message = "choose an action") ScreeningAction action,
            @MemberText(min = 0, max = 20_000) String patterns,
            @MemberText(min = 0, max = 20_000) String exceptions,
            boolean negatable,
            @MemberText(min = 0, max = 1000, multiLine = false) String regex,
            @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int minRegexHits,
            @MemberText(min = 0, max = 1000, multiLine = false) String conditionScope,
            @MemberText(max = 2000, required = "the notice is what members see; it is required") String notice,
            boolean enabled,
            Integer version) {

        /** Line breaks as the member's browser counts them (CR LF from forms is stored as LF). */
        public RuleRequest {
            patterns = VisibleText.unixLineBreaks(patterns);
            exceptions = VisibleText.unixLineBreaks(exceptions);
            notice = VisibleText.unixLineBreaks(notice);
        }

        /**
         * The rule as a trial runs it: what it matches is all a trial needs, so a moderator may try patterns before
         * naming the rule or writing its notice (the names and notice a trial never shows get stand-ins).
         */
        RuleRequest forTrial() {
            return new RuleRequest(code == null || code.isBlank() ? "trial" : code, category == null ? ScreeningCategory.UNSAFE_ADVICE : category,
                    subcategory == null || subcategory.isBlank() ? "Trial" : subcategory, action == null ? ScreeningAction.FLAG : action,
                    patterns, exceptions, negatable, regex, minRegexHits, conditionScope,
                    notice == null || notice.isBlank() ? "Trial" : notice, enabled, version);
        }
    }

    public record RuleView(String code, ScreeningCategory category, String subcategory, ScreeningAction action,
            String patterns, String exceptions, boolean negatable, String regex, int minRegexHits, String conditionScope,
            String notice, boolean enabled, int version, Instant updatedAt) implements CurrentState {

        /** What the rule looks for, as moderators read it: "Untrained traction or manipulation". */
        public String name() {
            return ReviewReason.plain(subcategory);
        }
    }

    private final EntityManager em;
    private final InputValidator validator;
    private final ScreeningService screening;

    private final Limits.Moderation limits;

    public RuleService(EntityManager em, InputValidator validator, ScreeningService screening, Limits limits) {
        this.limits = limits.moderation();
        this.em = em;
        this.validator = validator;
        this.screening = screening;
    }

    @Transactional
    public List<RuleView> list() {
        return NamedRow.all(em.createNativeQuery("""
                select code, category, subcategory, action, patterns, exceptions, negatable, regex, min_regex_hits,
                       condition_scope, notice, enabled, version, updated_at
                from screening_rule order by category, code""", Tuple.class)).stream().map(RuleService::view).toList();
    }

    @Transactional
    public RuleView get(String code) {
        return list().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("Rule '" + code + "'"));
    }

    /** Sample text is checked like a post body would be. */
    private static final TextLimit SAMPLE = TextLimit.multiLine(1, ContentLimits.POST_BODY_MAX, "give some sample text to test the rule on");

    /** Runs a rule that is not saved (or an edited copy of one) on sample text. */
    @Transactional
    public ScreeningResult test(RuleRequest rule, String text, List<String> conditions) {
        text = VisibleText.unixLineBreaks(text);
        rule = rule == null ? null : rule.forTrial(); // no rule at all is refused by the check below
        validator.check(rule);
        SAMPLE.require("text", text);
        return new ScreeningEngine(List.of(compile(rule))).screen(text, conditions == null ? Set.of() : conditions);
    }

    /** A rule's test on sample text: the verdict and the sample with the matched words marked. */
    public record SampleTest(ScreeningResult result, String markedSample) {
    }

    @Transactional
    public SampleTest testSample(RuleRequest rule, String text) {
        ScreeningResult result = test(rule, text, List.of());
        return new SampleTest(result, MarkedText.whole(VisibleText.unixLineBreaks(text), result.matches()));
    }

    /** How many recent posts and comments a rule would match, with a few of them, their matched words marked. */
    public record DryRun(int checked, int matched, List<DryRunExample> examples) {
    }

    public record DryRunExample(String what, String link, String markedSnippet) {
    }

    /** Recent posts and comments a dry run reads. */
    public int dryRunWritings() {
        return limits.dryRunWritings();
    }

    /**
     * Runs a rule that is not saved (or an edited copy of one) on the newest published posts and comments, each with
     * its conditions, as screening would have seen them.
     */
    @Transactional
    public DryRun dryRun(RuleRequest rule) {
        rule = rule == null ? null : rule.forTrial(); // no rule at all is refused by the check below
        validator.check(rule);
        ScreeningEngine engine = new ScreeningEngine(List.of(compile(rule)));
        List<NamedRow> writings = NamedRow.all(em.createNativeQuery("""
                (select 'post' as kind, p.id, p.id as post_id, p.title, p.title || E'\\n' || p.body_markdown as body,
                        p.created_at,
                        (select string_agg(cd.slug, ' ') from post_condition pc join condition cd on cd.id = pc.condition_id
                         where pc.post_id = p.id) as conditions
                 from post p where %1$s order by p.created_at desc limit ?1)
                union all
                (select 'comment', c.id, c.post_id, p.title, c.body_markdown, c.created_at,
                        (select string_agg(cd.slug, ' ') from post_condition pc join condition cd on cd.id = pc.condition_id
                         where pc.post_id = p.id)
                 from comment c join post p on p.id = c.post_id
                 where %2$s order by c.created_at desc limit ?1)
                order by created_at desc limit ?1""".formatted(Visibility.toReadersSql("p"), Visibility.toReadersSql("c")),
                Tuple.class).setParameter(1, limits.dryRunWritings()));
        int matched = 0;
        List<DryRunExample> examples = new java.util.ArrayList<>();
        for (NamedRow writing : writings) {
            String conditions = writing.text("conditions");
            ScreeningResult result = engine.screen(writing.text("body"),
                    conditions == null ? Set.of() : Set.of(conditions.split(" ")));
            if (result.matches().isEmpty()) {
                continue;
            }
            matched++;
            if (examples.size() < limits.dryRunExamples()) {
                boolean post = "post".equals(writing.text("kind"));
                examples.add(new DryRunExample((post ? "The post \"" : "A comment on \"") + writing.text("title") + "\"",
                        "/posts/" + writing.number("post_id") + (post ? "" : "#c" + writing.number("id")),
                        MarkedText.snippet(writing.text("body"), result.matches(), 80)));
            }
        }
        return new DryRun(writings.size(), matched, List.copyOf(examples));
    }

    @Transactional
    public RuleView create(RuleRequest rule) {
        validator.check(rule);
        compile(rule);
        int inserted = em.createNativeQuery("""
                insert into screening_rule (code, category, subcategory, action, patterns, exceptions, negatable, regex,
                                            min_regex_hits, condition_scope, notice, enabled)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict (code) do nothing""")
                .setParameter(1, rule.code()).setParameter(2, rule.category().name()).setParameter(3, rule.subcategory())
                .setParameter(4, rule.action().name()).setParameter(5, text(rule.patterns()))
                .setParameter(6, text(rule.exceptions())).setParameter(7, rule.negatable()).setParameter(8, FormValues.blankToNull(rule.regex()))
                .setParameter(9, rule.minRegexHits()).setParameter(10, FormValues.blankToNull(rule.conditionScope()))
                .setParameter(11, rule.notice().strip()).setParameter(12, rule.enabled()).executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("A rule with the code '" + rule.code() + "' already exists.");
        }
        return get(rule.code());
    }

    /** Saves an edit if the rule is still at the version the moderator edited; the code stays as it is. */
    @Transactional
    public RuleView update(String code, RuleRequest rule) {
        validator.check(rule);
        if (rule.version() == null) {
            throw new InvalidInputException("version", "the rule version you edited is required");
        }
        compile(rule);
        int updated = em.createNativeQuery("""
                update screening_rule set category = ?1, subcategory = ?2, action = ?3, patterns = ?4, exceptions = ?5,
                       negatable = ?6, regex = ?7, min_regex_hits = ?8, condition_scope = ?9, notice = ?10, enabled = ?11,
                       version = version + 1, updated_at = now()
                where code = ?12 and version = ?13""")
                .setParameter(1, rule.category().name()).setParameter(2, rule.subcategory()).setParameter(3, rule.action().name())
                .setParameter(4, text(rule.patterns())).setParameter(5, text(rule.exceptions())).setParameter(6, rule.negatable())
                .setParameter(7, FormValues.blankToNull(rule.regex())).setParameter(8, rule.minRegexHits())
                .setParameter(9, FormValues.blankToNull(rule.conditionScope())).setParameter(10, rule.notice().strip())
                .setParameter(11, rule.enabled()).setParameter(12, code).setParameter(13, rule.version()).executeUpdate();
        if (updated == 0) {
            RuleView current = get(code); // not found if it does not exist
            throw new ConflictException("Someone changed this rule since you opened it (now version "
                    + current.version() + "). Nothing was saved.", current);
        }
        return get(code);
    }

    private ScreeningEngine.Rule compile(RuleRequest rule) {
        if (VisibleText.visibleLength(text(rule.patterns())) == 0 && VisibleText.visibleLength(text(rule.regex())) == 0) {
            throw new InvalidInputException("patterns", "give at least one pattern line or a regular expression");
        }
        var wordLists = screening.wordLists();
        try {
            ScreeningEngine.compileLines(text(rule.patterns()), wordLists);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("patterns", e.getMessage());
        }
        try {
            ScreeningEngine.compileLines(text(rule.exceptions()), wordLists);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("exceptions", e.getMessage());
        }
        try {
            return ScreeningService.compile(rule.code(), rule.category(), rule.subcategory(), rule.action(),
                    text(rule.patterns()), text(rule.exceptions()), rule.negatable(), rule.regex(), rule.minRegexHits(),
                    rule.conditionScope(), rule.notice(), wordLists);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("regex", "is not a valid regular expression: " + e.getDescription());
        }
    }

    private static RuleView view(NamedRow r) {
        return new RuleView(r.text("code"), r.enumValue("category", ScreeningCategory.class), r.text("subcategory"),
                r.enumValue("action", ScreeningAction.class), r.text("patterns"), r.text("exceptions"), r.bool("negatable"),
                r.text("regex"), (int) r.number("min_regex_hits"), r.text("condition_scope"), r.text("notice"),
                r.bool("enabled"), (int) r.number("version"), r.instant("updated_at"));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}

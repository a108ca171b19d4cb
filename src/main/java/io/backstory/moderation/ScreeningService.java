package io.backstory.moderation;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.backstory.moderation.model.ScreeningModels;
import io.backstory.platform.Limits;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Screens member text with the rules in the database, then with the screening model sentence by sentence. The
 * compiled rules are kept as long as the rules' version (migration V20, moved by every change to rules and word lists,
 * on whichever app instance) stays the same: one small read per screening, so a rule saved on one instance applies on
 * every instance from its next screening. The model may only add a FLAG, or a HOLD for red-flag symptoms, on a
 * sentence where the rules found nothing of that category; it never blocks.
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    /** The rule name under which the model's findings appear in matches and review reasons. */
    public static final String MODEL_RULE = "screening-model";
    public static final String MODEL_RED_FLAG_NOTICE = "What you describe can be a sign of a problem that needs a doctor soon. "
            + "If it is new or getting worse, please get urgent medical care today.";

    private final EntityManager em;
    private final ScreeningModels models;
    private final int inlineChars;
    private volatile Compiled compiled;

    private record Compiled(long version, ScreeningEngine engine) {
    }

    public ScreeningService(EntityManager em, ScreeningModels models, Limits limits) {
        this.em = em;
        this.models = models;
        this.inlineChars = limits.screening().model().inlineChars();
    }

    /** The rules' verdict, raised by what the model finds in sentences the rules passed over. */
    public ScreeningResult screen(String text, Collection<String> conditions) {
        return screen(text, conditions, true);
    }

    /**
     * As {@link #screen}, for a post or comment being saved: a text longer than
     * {@code backstory.screening.model.inline-chars} gets the rules' verdict now, and the model reads it a moment later
     * off the request thread ({@link DeferredScreening}), so a long story is not kept waiting for seconds.
     */
    public ScreeningResult screenForSaving(String text, Collection<String> conditions) {
        return screen(text, conditions, !isLong(text));
    }

    /** Too long for the model on the request thread: read after saving, and never held by the model for it. */
    private boolean isLong(String text) {
        return text != null && text.length() > inlineChars;
    }

    private ScreeningResult screen(String text, Collection<String> conditions, boolean withModel) {
        return CombinedScreening.combine(text, rules(text, conditions), withModel ? models::judge : null, isLong(text));
    }

    /** The rules' verdict alone (the rules' fixture, the comparison of rules and model). */
    public ScreeningResult rules(String text, Collection<String> conditions) {
        return engine().screen(text, conditions);
    }

    private ScreeningEngine engine() {
        long version = rulesVersion();
        Compiled current = compiled;
        if (current == null || current.version() != version) {
            synchronized (this) {
                current = compiled;
                if (current == null || current.version() != version) {
                    // Read after the version: these rules are at least as new as it, never older.
                    current = new Compiled(version, load());
                    compiled = current;
                }
            }
        }
        return current.engine();
    }

    @Transactional
    long rulesVersion() {
        // COMMIT flush mode: reading the version must not flush the caller's pending edit (Hibernate flushes before a
        // native query by default, which bumped an edited post's version twice).
        return ((Number) em.createNativeQuery("select version from screening_rules_version")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    @Transactional
    ScreeningEngine load() {
        Map<String, List<String>> wordLists = wordLists();
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select code, category, subcategory, action, patterns, exceptions, negatable, regex, min_regex_hits,
                       condition_scope, notice
                from screening_rule where enabled order by id""", Tuple.class));
        List<ScreeningEngine.Rule> rules = new java.util.ArrayList<>();
        for (NamedRow r : rows) {
            String code = r.text("code");
            try {
                rules.add(compile(code, r.enumValue("category", ScreeningCategory.class), r.text("subcategory"),
                        r.enumValue("action", ScreeningAction.class), r.text("patterns"), r.text("exceptions"),
                        r.bool("negatable"), r.text("regex"), (int) r.number("min_regex_hits"), r.text("condition_scope"),
                        r.text("notice"), wordLists));
            } catch (IllegalArgumentException e) {
                // A rule that does not compile must not switch screening off: skip it loudly.
                LOG.errorf("Screening rule %s is skipped: %s", code, e.getMessage());
            }
        }
        return new ScreeningEngine(rules);
    }

    /** Builds a runnable rule; IllegalArgumentException (or PatternSyntaxException) names what does not compile. */
    static ScreeningEngine.Rule compile(String code, ScreeningCategory category, String subcategory,
            ScreeningAction action, String patterns, String exceptions, boolean negatable, String regex, int minRegexHits,
            String conditionScope, String notice, Map<String, List<String>> wordLists) {
        return new ScreeningEngine.Rule(code, category, subcategory, action,
                ScreeningEngine.compileLines(patterns == null ? "" : patterns, wordLists),
                ScreeningEngine.compileLines(exceptions == null ? "" : exceptions, wordLists), negatable,
                regex == null || regex.isBlank() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
                minRegexHits, scope(conditionScope), notice);
    }

    @Transactional
    Map<String, List<String>> wordLists() {
        Map<String, List<String>> lists = new HashMap<>();
        for (NamedRow r : NamedRow.all(em.createNativeQuery("select name, words from screening_word_list", Tuple.class))) {
            lists.put(r.text("name"), Arrays.stream(r.text("words").split("\\s+")).filter(w -> !w.isBlank()).toList());
        }
        return lists;
    }

    private static Set<String> scope(String slugs) {
        return slugs == null || slugs.isBlank() ? Set.of()
                : new HashSet<>(Arrays.stream(slugs.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
    }
}

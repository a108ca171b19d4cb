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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Screens member text with the rules in the database. The compiled rules are kept as long as the rules' version
 * (migration V20, moved by every change to rules and word lists, on whichever app instance) stays the same: one
 * small read per screening, so a rule saved on one instance applies on every instance from its next screening.
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    private final EntityManager em;
    private volatile Compiled compiled;

    private record Compiled(long version, ScreeningEngine engine) {
    }

    public ScreeningService(EntityManager em) {
        this.em = em;
    }

    public ScreeningResult screen(String text, Collection<String> conditions) {
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
        return ((Number) em.createNativeQuery("select version from screening_rules_version").getSingleResult()).longValue();
    }

    @Transactional
    ScreeningEngine load() {
        Map<String, List<String>> wordLists = wordLists();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select code, category, subcategory, action, patterns, exceptions, negatable, regex, min_regex_hits,
                       condition_scope, notice
                from screening_rule where enabled order by id""").getResultList();
        List<ScreeningEngine.Rule> rules = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            String code = (String) r[0];
            try {
                rules.add(compile(code, ScreeningCategory.valueOf((String) r[1]), (String) r[2],
                        ScreeningAction.valueOf((String) r[3]), (String) r[4], (String) r[5], (Boolean) r[6],
                        (String) r[7], ((Number) r[8]).intValue(), (String) r[9], (String) r[10], wordLists));
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, words from screening_word_list").getResultList();
        Map<String, List<String>> lists = new HashMap<>();
        for (Object[] r : rows) {
            lists.put((String) r[0], Arrays.stream(((String) r[1]).split("\\s+")).filter(w -> !w.isBlank()).toList());
        }
        return lists;
    }

    private static Set<String> scope(String slugs) {
        return slugs == null || slugs.isBlank() ? Set.of()
                : new HashSet<>(Arrays.stream(slugs.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
    }
}

package io.backstory.moderation;

import java.time.Duration;
import java.time.Instant;
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
 * Screens member text with the rules in the database. The compiled rules are cached for at most
 * {@link #MAX_STALENESS}, so an edit made on another app instance applies within that time; edits made
 * here call {@link #rulesChanged()} and apply at once.
 */
@ApplicationScoped
public class ScreeningService {

    static final Duration MAX_STALENESS = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    private final EntityManager em;
    private volatile ScreeningEngine engine;
    private volatile Instant loadedAt = Instant.MIN;

    public ScreeningService(EntityManager em) {
        this.em = em;
    }

    public ScreeningResult screen(String text, Collection<String> conditions) {
        return engine().screen(text, conditions);
    }

    public void rulesChanged() {
        loadedAt = Instant.MIN;
    }

    private ScreeningEngine engine() {
        if (engine == null || loadedAt.plus(MAX_STALENESS).isBefore(Instant.now())) {
            synchronized (this) {
                if (engine == null || loadedAt.plus(MAX_STALENESS).isBefore(Instant.now())) {
                    engine = load();
                    loadedAt = Instant.now();
                }
            }
        }
        return engine;
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

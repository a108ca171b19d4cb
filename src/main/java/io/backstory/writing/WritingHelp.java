package io.backstory.writing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.backstory.platform.content.Outcome;
import io.backstory.taxonomy.TaxonomyCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tag suggestions as the post form shows them: named as the taxonomy names them, each with the buttons' values that
 * accept it ("remedy:heat:HELPED", "condition:sciatica") or set it aside ("remedy:heat"). The same buttons work
 * as plain form buttons without JavaScript and are taken over by {@code js/tag-picker.js} with it.
 */
@ApplicationScoped
public class WritingHelp {

    /** Form field of the button that asks for suggestions without JavaScript. */
    public static final String SUGGEST = "suggest";
    /** Form field of a suggestion's accept buttons. */
    public static final String ACCEPT = "accept";
    /** Form field of the "Not this" button; what was set aside comes back as hidden {@link #IGNORED} fields. */
    public static final String DISMISS = "dismiss";
    public static final String IGNORED = "ignored";

    private final TagSuggester suggester = new TagSuggester(TagVocabulary.load());
    private final TaxonomyCatalog catalog;

    public WritingHelp(TaxonomyCatalog catalog) {
        this.catalog = catalog;
    }

    public record Suggested(TagKind kind, String slug, String name, String sentence, Outcome outcome) {

        public String key() {
            return kind.name().toLowerCase() + ":" + slug;
        }

        public boolean isRemedy() {
            return kind == TagKind.REMEDY;
        }

        public boolean saysHowItWent() {
            return outcome != null;
        }

        /** "helped", "no change", "made it worse": what the sentence seems to say. */
        public String howItWent() {
            return outcome == null ? "" : outcome.label.toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the sentence seems to say this outcome (its button is shown as the likely one). */
        public boolean says(String outcomeName) {
            return outcome != null && outcome.name().equals(outcomeName);
        }
    }

    /** What to show, and the keys the member set aside (kept in the form so they stay away). */
    public record Suggestions(List<Suggested> items, Set<String> ignored) {

        public static final Suggestions NONE = new Suggestions(List.of(), Set.of());
    }

    /** A tag the member accepted: a condition (outcome null) or a remedy with its outcome value. */
    public record Accepted(TagKind kind, String slug, String outcome) {
    }

    public Suggestions suggest(String text, Set<String> conditions, Set<String> remedies, Set<String> ignored) {
        Map<String, String> conditionNames = catalog.conditions().stream()
                .collect(Collectors.toMap(c -> c.slug, c -> c.name));
        Map<String, String> remedyNames = catalog.remediesByCategory().stream().flatMap(g -> g.remedies().stream())
                .collect(Collectors.toMap(r -> r.slug, r -> r.name));
        List<Suggested> items = new ArrayList<>();
        for (TagSuggestion s : suggester.suggest(text, conditions, remedies)) {
            String name = (s.kind() == TagKind.CONDITION ? conditionNames : remedyNames).get(s.slug());
            Suggested shown = new Suggested(s.kind(), s.slug(), name, s.sentence(), s.outcome());
            if (name != null && !ignored.contains(shown.key())) {
                items.add(shown);
            }
        }
        return new Suggestions(List.copyOf(items), ignored);
    }

    /** True when the form was sent by one of the suggestion buttons rather than to be saved. */
    public static boolean isHelpRequest(Map<String, List<String>> fields) {
        return fields.containsKey(SUGGEST) || fields.containsKey(ACCEPT) || fields.containsKey(DISMISS);
    }

    /** The keys set aside so far, with the one just dismissed. */
    public static Set<String> ignored(Map<String, List<String>> fields) {
        Set<String> keys = new LinkedHashSet<>();
        Function<String, Collection<String>> values = name -> fields.getOrDefault(name, List.of());
        values.apply(IGNORED).forEach(keys::add);
        values.apply(DISMISS).forEach(keys::add);
        keys.removeIf(key -> !key.matches("(condition|remedy):[a-z0-9-]{1,80}"));
        return keys;
    }

    /** The tag an accept button names, if it names one in the expected form. */
    public static Optional<Accepted> accepted(Map<String, List<String>> fields) {
        String value = fields.getOrDefault(ACCEPT, List.of()).stream().findFirst().orElse("");
        String[] parts = value.split(":");
        if (parts.length == 2 && parts[0].equals("condition")) {
            return Optional.of(new Accepted(TagKind.CONDITION, parts[1], null));
        }
        if (parts.length == 3 && parts[0].equals("remedy")) {
            return Optional.of(new Accepted(TagKind.REMEDY, parts[1], parts[2]));
        }
        return Optional.empty();
    }
}

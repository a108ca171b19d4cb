package io.backstory.taxonomy;

import java.time.Instant;
import java.util.List;

import io.backstory.platform.errors.CurrentState;

/** Taxonomy entries as the API and pages show them. */
public final class TaxonomyViews {

    private TaxonomyViews() {
    }

    /** A condition or a remedy as shown: what a link to it needs. */
    public interface TagView {
        String slug();
    }

    public record ConditionView(String slug, String name, String description, String redFlags, List<String> synonyms)
            implements TagView {
        static ConditionView of(Condition c) {
            return new ConditionView(c.slug, c.name, c.description, c.redFlags, c.synonyms.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        }
    }

    public record RemedyView(String slug, String name, RemedyCategory category, String description, String caution,
            List<String> synonyms) implements TagView {
        static RemedyView of(Remedy r) {
            return new RemedyView(r.slug, r.name, r.category, r.description, r.caution,
                    r.synonyms.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        }
    }

    /** A lookup hit: which tag a typed word means, and the synonym that matched, if any. */
    public record Match(TagSuggestion.Kind kind, String slug, String name, String matched) {
    }

    public record SuggestionView(long id, TagSuggestion.Kind kind, String name, RemedyCategory category, String note,
            String suggestedBy, TagSuggestion.Status status, Instant createdAt, String decidedBy, String reason)
            implements CurrentState {
        static SuggestionView of(TagSuggestion s) {
            return new SuggestionView(s.id, s.kind, s.name, s.category, s.note,
                    s.suggestedBy == null ? null : s.suggestedBy.handle, s.status, s.createdAt,
                    s.decidedBy == null ? null : s.decidedBy.handle, s.reason);
        }
    }
}

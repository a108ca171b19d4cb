package io.backstory.taxonomy;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.backstory.accounts.Member;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.content.TextScreening;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.taxonomy.TaxonomyRequests.ConditionRequest;
import io.backstory.taxonomy.TaxonomyRequests.DecisionRequest;
import io.backstory.taxonomy.TaxonomyRequests.RemedyRequest;
import io.backstory.taxonomy.TaxonomyRequests.SuggestionRequest;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.Match;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
import io.backstory.taxonomy.TaxonomyViews.SuggestionView;
import io.backstory.taxonomy.TaxonomyViews.TagView;
import io.backstory.taxonomy.TaxonomyRequests.TagRequest;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Looking tags up by name or synonym, moderators' edits, and members' suggestions for new tags. */
@ApplicationScoped
public class TaxonomyService {

    private final EntityManager em;
    private final InputValidator validator;
    private final TagResolver tags;
    private final TextScreening screening;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;
    private final PageSizes pageSizes;

    public TaxonomyService(EntityManager em, InputValidator validator, TagResolver tags, TextScreening screening,
            RateLimiter rateLimiter, RateLimits limits, PageSizes pageSizes) {
        this.pageSizes = pageSizes;
        this.em = em;
        this.validator = validator;
        this.tags = tags;
        this.screening = screening;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /**
     * Conditions and remedies whose name, slug or a synonym contains the words typed (ignoring case):
     * "slipped disc" finds herniated-disc, "advil" finds nsaids. Exact matches come first.
     */
    @Transactional
    public List<Match> lookup(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 100) {
            throw new InvalidInputException("q", "type between 1 and 100 characters");
        }
        String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select kind, slug, name, matched from (
                  select :condition as kind, c.slug, c.name, s.synonym as matched,
                         case when lower(c.name) = lower(:q) or c.slug = lower(:q) or lower(s.synonym) = lower(:q) then 0 else 1 end as rank
                  from condition c left join condition_synonym s on s.condition_id = c.id
                  where lower(c.name) like :p or c.slug like :p or lower(s.synonym) like :p
                  union all
                  select :remedy, r.slug, r.name, s.synonym,
                         case when lower(r.name) = lower(:q) or r.slug = lower(:q) or lower(s.synonym) = lower(:q) then 0 else 1 end
                  from remedy r left join remedy_synonym s on s.remedy_id = r.id
                  where lower(r.name) like :p or r.slug like :p or lower(s.synonym) like :p
                ) hits
                order by rank, name""", Tuple.class).setParameter("q", q).setParameter("p", pattern)
                .setParameter("condition", TagSuggestion.Kind.CONDITION.name())
                .setParameter("remedy", TagSuggestion.Kind.REMEDY.name()));
        Map<String, Match> matches = new LinkedHashMap<>();
        for (NamedRow r : rows) {
            String synonym = r.text("matched");
            String matched = synonym != null && synonym.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))
                    ? synonym : null;
            matches.putIfAbsent(r.text("kind") + ":" + r.text("slug"),
                    new Match(r.enumValue("kind", TagSuggestion.Kind.class), r.text("slug"), r.text("name"), matched));
        }
        return matches.values().stream().limit(pageSizes.tagMatches()).toList();
    }

    /** Every condition or every remedy, by name. */
    @Transactional
    public <V extends TagView> List<V> all(TagFamily<?, ?, V> family) {
        return allOf(family);
    }

    private <T extends TaxonomyTag, V extends TagView> List<V> allOf(TagFamily<T, ?, V> family) {
        return em.createQuery("from " + family.entity.getSimpleName() + " order by name", family.entity)
                .getResultStream().map(family.view).toList();
    }

    /** The condition or remedy a URL names: a 404 if there is none. */
    @Transactional
    public <T extends TaxonomyTag, V extends TagView> V get(TagFamily<T, ?, V> family, String slug) {
        return family.view.apply(tags.existing(family, slug));
    }

    @Transactional
    public ConditionView condition(String slug) {
        return get(TagFamily.CONDITIONS, slug);
    }

    @Transactional
    public RemedyView remedy(String slug) {
        return get(TagFamily.REMEDIES, slug);
    }

    @Transactional
    public <T extends TaxonomyTag, R extends TagRequest, V extends TagView> V create(TagFamily<T, R, V> family, R request) {
        validator.check(request);
        if (tags.find(family, request.slug()).isPresent()) {
            throw slugTaken(family.noun, request.slug());
        }
        T tag = family.create.get();
        apply(family, request, tag);
        tag.persist();
        return family.view.apply(tag);
    }

    /** Replaces a condition's or remedy's fields and synonyms; the slug may change (links by old slug then 404). */
    @Transactional
    public <T extends TaxonomyTag, R extends TagRequest, V extends TagView> V update(TagFamily<T, R, V> family,
            String slug, R request) {
        validator.check(request);
        T tag = tags.existing(family, slug);
        if (tags.find(family, request.slug()).filter(clash -> !clash.id.equals(tag.id)).isPresent()) {
            throw slugTaken(family.noun, request.slug());
        }
        apply(family, request, tag);
        return family.view.apply(tag);
    }

    /**
     * A member's suggestion, waiting for a moderator. Its name and note are member text moderators read and the name
     * may become a public tag, so they are limited per hour and screened like a comment: spam is refused (blocked).
     */
    @Transactional
    public SuggestionView suggest(SuggestionRequest request, Member member) {
        validator.check(request);
        member.requireNotSilenced();
        rateLimiter.acquire(member.limitBucket("tag-suggestions"), limits.tagSuggestionsPerHour(), Duration.ofHours(1));
        screening.refuseBlocked(request.name() + "\n\n" + (request.note() == null ? "" : request.note()));
        TagSuggestion suggestion = new TagSuggestion();
        suggestion.kind = request.kind();
        suggestion.name = request.name().strip();
        suggestion.category = request.kind() == TagSuggestion.Kind.REMEDY ? request.category() : null;
        suggestion.note = FormValues.blankToNull(request.note());
        suggestion.suggestedBy = member;
        suggestion.persist();
        return SuggestionView.of(suggestion);
    }

    /** An existing tag or another waiting suggestion whose name is like a suggestion's: a likely duplicate. */
    public record Lookalike(String what, String name, String matched, String link) {
    }

    /** A waiting suggestion with the tags and other suggestions it may duplicate. */
    public record PendingSuggestion(SuggestionView suggestion, List<Lookalike> lookalikes) {
    }

    /** The waiting suggestions, oldest first, each with its likely duplicates among conditions, remedies and the others. */
    @Transactional
    public List<PendingSuggestion> pendingWithLookalikes() {
        List<SuggestionView> pending = pendingSuggestions();
        List<NamedRow> tags = NamedRow.all(em.createNativeQuery("""
                select 'condition' as kind, c.slug, c.name, c.name as label from condition c
                union all
                select 'condition', c.slug, c.name, s.synonym from condition c join condition_synonym s on s.condition_id = c.id
                union all
                select 'remedy', r.slug, r.name, r.name from remedy r
                union all
                select 'remedy', r.slug, r.name, s.synonym from remedy r join remedy_synonym s on s.remedy_id = r.id""",
                jakarta.persistence.Tuple.class));
        // Each name normalised once: comparing every suggestion with every tag and every other suggestion is
        // quadratic, and normalising inside the loop made the page slow once a few hundred suggestions waited.
        List<String> tagLabels = tags.stream().map(tag -> SimilarNames.normal(tag.text("label"))).toList();
        Map<Long, String> pendingNames = new HashMap<>();
        pending.forEach(s -> pendingNames.put(s.id(), SimilarNames.normal(s.name())));
        return pending.stream().map(suggestion -> {
            String name = pendingNames.get(suggestion.id());
            Map<String, Lookalike> found = new LinkedHashMap<>();
            for (int i = 0; i < tags.size(); i++) {
                NamedRow tag = tags.get(i);
                if (SimilarNames.similarNormal(name, tagLabels.get(i))) {
                    String kind = tag.text("kind");
                    String label = tag.text("label");
                    found.putIfAbsent(kind + ":" + tag.text("slug"), new Lookalike("an existing " + kind, tag.text("name"),
                            label.equals(tag.text("name")) ? null : label,
                            ("condition".equals(kind) ? "/conditions/" : "/remedies/") + tag.text("slug")));
                }
            }
            for (SuggestionView other : pending) {
                if (other.id() != suggestion.id() && SimilarNames.similarNormal(name, pendingNames.get(other.id()))) {
                    found.putIfAbsent("suggestion:" + other.id(), new Lookalike("another waiting suggestion", other.name(),
                            null, "#suggestion-" + other.id()));
                }
            }
            return new PendingSuggestion(suggestion, List.copyOf(found.values()));
        }).toList();
    }

    @Transactional
    public List<SuggestionView> pendingSuggestions() {
        return TagSuggestion.<TagSuggestion>list("status = ?1 order by createdAt", TagSuggestion.Status.PENDING)
                .stream().map(SuggestionView::of).toList();
    }

    /** Approving creates the condition or remedy (slug from the name unless given); either way it is decided once. */
    @Transactional
    public SuggestionView decide(long id, DecisionRequest request, Member moderator) {
        validator.check(request);
        TagSuggestion suggestion = TagSuggestion.findById(id);
        if (suggestion == null) {
            throw new NotFoundException("Suggestion " + id);
        }
        if (suggestion.status != TagSuggestion.Status.PENDING) {
            throw new ConflictException("This suggestion was already " + suggestion.status.name().toLowerCase(Locale.ROOT)
                    + (suggestion.decidedBy == null ? "." : " by " + suggestion.decidedBy.handle + "."), SuggestionView.of(suggestion));
        }
        if (request.approve()) {
            String slug = request.slug() != null ? request.slug() : slugOf(suggestion.name);
            String description = request.description() != null && !request.description().isBlank()
                    ? request.description() : suggestion.name + " (suggested by the community).";
            if (suggestion.kind == TagSuggestion.Kind.CONDITION) {
                create(TagFamily.CONDITIONS, new ConditionRequest(slug, suggestion.name, description, null, List.of()));
            } else {
                RemedyCategory category = request.category() != null ? request.category() : suggestion.category;
                if (category == null) {
                    throw new InvalidInputException("category", "choose a category for the new remedy");
                }
                create(TagFamily.REMEDIES, new RemedyRequest(slug, suggestion.name, category, description, null, List.of()));
            }
        }
        suggestion.status = request.approve() ? TagSuggestion.Status.APPROVED : TagSuggestion.Status.REJECTED;
        suggestion.decidedBy = moderator;
        suggestion.decidedAt = Instant.now();
        suggestion.reason = FormValues.blankToNull(request.reason());
        return SuggestionView.of(suggestion);
    }

    /** "Kinesiology tape!" becomes "kinesiology-tape". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
        if (slug.isEmpty()) {
            throw new InvalidInputException("slug", "the name has no letters or digits to make a slug from; give one");
        }
        return slug;
    }

    private <T extends TaxonomyTag, R extends TagRequest> void apply(TagFamily<T, R, ?> family, R request, T tag) {
        tag.slug = request.slug();
        tag.name = request.name().strip();
        tag.description = request.description().strip();
        family.applyOwnFields.accept(tag, request);
        replaceSynonyms(family, tag, request.synonyms());
    }

    /** Synonyms are unique within their family regardless of case: a clash is a 409 naming the owner. */
    private void replaceSynonyms(TagFamily<?, ?, ?> family, TaxonomyTag tag, List<String> requested) {
        List<String> cleaned = new ArrayList<>();
        List<String> requestedList = requested == null ? List.of() : requested;
        for (int i = 0; i < requestedList.size(); i++) {
            String synonym = requestedList.get(i).strip();
            if (cleaned.stream().anyMatch(s -> s.equalsIgnoreCase(synonym))) {
                throw new InvalidInputException("synonyms[" + i + "]", "'" + synonym + "' is listed twice");
            }
            List<NamedRow> owners = NamedRow.all(em.createNativeQuery("select " + family.noun + "_id as owner from "
                    + family.noun + "_synonym where lower(synonym) = lower(?1)", Tuple.class).setParameter(1, synonym));
            if (owners.stream().anyMatch(o -> tag.id == null || o.number("owner") != tag.id)) {
                throw new ConflictException("The synonym '" + synonym + "' already belongs to another "
                        + family.noun + ".");
            }
            cleaned.add(synonym);
        }
        tag.synonyms().clear();
        tag.synonyms().addAll(cleaned);
    }

    private static ConflictException slugTaken(String kind, String slug) {
        return new ConflictException("The slug '" + slug + "' is already used by another " + kind + ".");
    }

    /** A leaving member's suggestions are their words too: undecided or rejected ones go, approved ones keep only the name. */
    public void forgetSuggestionsOf(long memberId) {
        em.createNativeQuery("delete from tag_suggestion where suggested_by = ?1 and status <> ?2")
                .setParameter(1, memberId).setParameter(2, TagSuggestion.Status.APPROVED.name()).executeUpdate();
        em.createNativeQuery("update tag_suggestion set note = null where suggested_by = ?1")
                .setParameter(1, memberId).executeUpdate();
    }
}

package io.backstory.taxonomy;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.backstory.platform.api.FormValues;
import io.backstory.taxonomy.TaxonomyRequests.ConditionRequest;
import io.backstory.taxonomy.TaxonomyRequests.RemedyRequest;
import io.backstory.taxonomy.TaxonomyRequests.TagRequest;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;
import io.backstory.taxonomy.TaxonomyViews.TagView;

/**
 * Conditions or remedies: what their lookups by slug, their endpoints, their edit pages and moderators' edits are
 * written once over. Each family has its entity, its request and its view (in requests and answers,
 * {@link TagSuggestion.Kind} names a family).
 *
 * @param <T> its entity
 * @param <R> what a moderator sends to create or edit one
 * @param <V> how the API and pages show one
 */
public final class TagFamily<T extends TaxonomyTag, R extends TagRequest, V extends TagView> {

    public static final TagFamily<Condition, ConditionRequest, ConditionView> CONDITIONS = new TagFamily<>(
            "condition", "/conditions/", Condition.class, Condition::new, ConditionView::of,
            (condition, request) -> condition.redFlags = FormValues.blankToNull(request.redFlags()));

    public static final TagFamily<Remedy, RemedyRequest, RemedyView> REMEDIES = new TagFamily<>(
            "remedy", "/remedies/", Remedy.class, Remedy::new, RemedyView::of,
            (remedy, request) -> {
                remedy.category = request.category();
                remedy.caution = FormValues.blankToNull(request.caution());
            });

    /** "condition": for messages, and the stem of its table and of its synonyms' table. */
    final String noun;
    /** "/conditions/": where one's page is, and (below /api/v1) its resource. */
    final String path;
    final Class<T> entity;
    final Supplier<T> create;
    final Function<T, V> view;
    /** Sets what only this family has (a condition's red flags; a remedy's category and caution). */
    final BiConsumer<T, R> applyOwnFields;

    private TagFamily(String noun, String path, Class<T> entity, Supplier<T> create,
            Function<T, V> view, BiConsumer<T, R> applyOwnFields) {
        this.noun = noun;
        this.path = path;
        this.entity = entity;
        this.create = create;
        this.view = view;
        this.applyOwnFields = applyOwnFields;
    }

    /** "Condition", to start a message. */
    String title() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}

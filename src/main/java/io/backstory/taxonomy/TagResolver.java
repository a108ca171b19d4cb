package io.backstory.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Turns condition and remedy slugs a member sent into taxonomy entries, naming the field of any unknown one. */
@ApplicationScoped
public class TagResolver {

    private final EntityManager em;

    public TagResolver(EntityManager em) {
        this.em = em;
    }

    /** The condition or remedy with this slug, if there is one. */
    <T extends TaxonomyTag> Optional<T> find(TagFamily<T, ?, ?> family, String slug) {
        return em.createQuery("from " + family.entity.getSimpleName() + " where slug = ?1", family.entity)
                .setParameter(1, slug).getResultStream().findFirst();
    }

    /** The condition or remedy a URL names: a 404 if there is none. */
    <T extends TaxonomyTag> T existing(TagFamily<T, ?, ?> family, String slug) {
        return find(family, slug).orElseThrow(() -> new NotFoundException(family.title() + " '" + slug + "'"));
    }

    /** The condition or remedy a member named in {@code field}: an invalid input if there is none. */
    private <T extends TaxonomyTag> T named(TagFamily<T, ?, ?> family, String slug, String field) {
        return find(family, slug.strip())
                .orElseThrow(() -> new InvalidInputException(field, "unknown " + family.noun + " '" + slug.strip() + "'"));
    }

    public Condition condition(String slug, String field) {
        return named(TagFamily.CONDITIONS, slug, field);
    }

    public Remedy remedy(String slug, String field) {
        return named(TagFamily.REMEDIES, slug, field);
    }

    /** The condition a URL names: not found if there is none. */
    public Condition existingCondition(String slug) {
        return existing(TagFamily.CONDITIONS, slug);
    }

    /** The condition with this slug, if there is one. */
    public Optional<Condition> condition(String slug) {
        return find(TagFamily.CONDITIONS, slug);
    }

    /** The remedy a URL names: not found if there is none. */
    public Remedy existingRemedy(String slug) {
        return existing(TagFamily.REMEDIES, slug);
    }

    /** Conditions in the order given; field errors read like {@code conditions[1]}. */
    public List<Condition> conditions(List<String> slugs, String field) {
        return resolve(TagFamily.CONDITIONS, slugs, i -> field + "[" + i + "]");
    }

    /** Remedies in the order given; {@code fieldOf} names the field of item i (e.g. {@code remedies[i].remedy}). */
    public List<Remedy> remedies(List<String> slugs, IntFunction<String> fieldOf) {
        return resolve(TagFamily.REMEDIES, slugs, fieldOf);
    }

    private <T extends TaxonomyTag> List<T> resolve(TagFamily<T, ?, ?> family, List<String> slugs,
            IntFunction<String> fieldOf) {
        List<T> resolved = new ArrayList<>(slugs.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            String field = fieldOf.apply(i);
            if (!seen.add(slugs.get(i).strip())) {
                throw new InvalidInputException(field, family.noun + " '" + slugs.get(i).strip() + "' is listed twice");
            }
            resolved.add(named(family, slugs.get(i), field));
        }
        return resolved;
    }
}

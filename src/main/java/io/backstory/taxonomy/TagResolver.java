package io.backstory.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns condition and remedy slugs a member sent into taxonomy entries, naming the field of any unknown one. */
@ApplicationScoped
public class TagResolver {

    public Condition condition(String slug, String field) {
        Condition condition = Condition.findBySlug(slug.strip());
        if (condition == null) {
            throw new InvalidInputException(field, "unknown condition '" + slug.strip() + "'");
        }
        return condition;
    }

    public Remedy remedy(String slug, String field) {
        Remedy remedy = Remedy.findBySlug(slug.strip());
        if (remedy == null) {
            throw new InvalidInputException(field, "unknown remedy '" + slug.strip() + "'");
        }
        return remedy;
    }

    /** The condition a URL names: not found if there is none. */
    public Condition existingCondition(String slug) {
        return condition(slug).orElseThrow(() -> new NotFoundException("Condition '" + slug + "'"));
    }

    /** The condition with this slug, if there is one. */
    public Optional<Condition> condition(String slug) {
        return Optional.ofNullable(Condition.findBySlug(slug));
    }

    /** The remedy a URL names: not found if there is none. */
    public Remedy existingRemedy(String slug) {
        Remedy remedy = Remedy.findBySlug(slug);
        if (remedy == null) {
            throw new NotFoundException("Remedy '" + slug + "'");
        }
        return remedy;
    }

    /** Conditions in the order given; field errors read like {@code conditions[1]}. */
    public List<Condition> conditions(List<String> slugs, String field) {
        return resolve(slugs, i -> field + "[" + i + "]", this::condition, "condition");
    }

    /** Remedies in the order given; {@code fieldOf} names the field of item i (e.g. {@code remedies[i].remedy}). */
    public List<Remedy> remedies(List<String> slugs, java.util.function.IntFunction<String> fieldOf) {
        return resolve(slugs, fieldOf, this::remedy, "remedy");
    }

    private static <T> List<T> resolve(List<String> slugs, java.util.function.IntFunction<String> fieldOf,
            java.util.function.BiFunction<String, String, T> lookup, String kind) {
        List<T> resolved = new ArrayList<>(slugs.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            String field = fieldOf.apply(i);
            if (!seen.add(slugs.get(i).strip())) {
                throw new InvalidInputException(field, kind + " '" + slugs.get(i).strip() + "' is listed twice");
            }
            resolved.add(lookup.apply(slugs.get(i), field));
        }
        return resolved;
    }
}

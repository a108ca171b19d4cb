package io.backstory.taxonomy;

import java.util.Collection;
import java.util.List;

/** A condition's red-flag text (when to seek urgent care), as the urgent-care box quotes it. */
public record RedFlagAdvice(String condition, String advice) {

    /** The red-flag texts of these conditions, for those that have one. */
    public static List<RedFlagAdvice> of(Collection<Condition> conditions) {
        return conditions.stream().filter(c -> c.redFlags != null && !c.redFlags.isBlank())
                .map(c -> new RedFlagAdvice(c.name, c.redFlags)).toList();
    }
}

package io.backstory.moderation.model;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningCategory;
import io.backstory.moderation.ScreeningResult;

/** What a screener made of one sentence, for the comparison tables: the categories it named and its verdict. */
public record Judged(Set<ScreeningCategory> named, ScreeningAction verdict) {

    /** The rules', or rules and model together. */
    public static Judged of(ScreeningResult result) {
        return new Judged(result.matches().stream().map(ScreeningResult.Match::category).filter(Objects::nonNull)
                .collect(Collectors.toSet()), result.verdict());
    }

    /** The model's alone. */
    public static Judged of(ScreeningModel.Verdict verdict) {
        ScreeningCategory category = verdict.label().category();
        return new Judged(category == null ? Set.of() : Set.of(category), verdict.action());
    }
}

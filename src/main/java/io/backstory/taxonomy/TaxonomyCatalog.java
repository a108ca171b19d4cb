package io.backstory.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The whole taxonomy, ordered for forms and index pages. */
@ApplicationScoped
public class TaxonomyCatalog {

    public record RemedyGroup(RemedyCategory category, List<Remedy> remedies) {
    }

    @Transactional
    public List<Condition> conditions() {
        return Condition.list("order by name");
    }

    @Transactional
    public List<RemedyGroup> remediesByCategory() {
        List<Remedy> remedies = Remedy.list("order by name");
        Map<RemedyCategory, List<Remedy>> grouped = remedies.stream()
                .collect(Collectors.groupingBy(r -> r.category, LinkedHashMap::new, Collectors.toList()));
        return java.util.Arrays.stream(RemedyCategory.values())
                .filter(grouped::containsKey)
                .map(c -> new RemedyGroup(c, grouped.get(c)))
                .toList();
    }
}

package io.backstory.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.backstory.platform.cache.ReadCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The whole taxonomy, ordered for forms and index pages. Many pages show it, so it is a shared read model
 * (platform/cache): the entities are detached copies for display only, never to be changed or attached.
 */
@ApplicationScoped
public class TaxonomyCatalog {

    public record RemedyGroup(RemedyCategory category, List<Remedy> remedies) {
    }

    private enum Part {
        CONDITIONS, REMEDY_GROUPS
    }

    private final ReadCache cache;

    public TaxonomyCatalog(ReadCache cache) {
        this.cache = cache;
    }

    @Transactional
    public List<Condition> conditions() {
        return cache.get(Part.CONDITIONS, () -> List.copyOf(Condition.<Condition>list("order by name")));
    }

    @Transactional
    public List<RemedyGroup> remediesByCategory() {
        return cache.get(Part.REMEDY_GROUPS, this::loadRemedyGroups);
    }

    private List<RemedyGroup> loadRemedyGroups() {
        List<Remedy> remedies = Remedy.list("order by name");
        Map<RemedyCategory, List<Remedy>> grouped = remedies.stream()
                .collect(Collectors.groupingBy(r -> r.category, LinkedHashMap::new, Collectors.toList()));
        return java.util.Arrays.stream(RemedyCategory.values())
                .filter(grouped::containsKey)
                .map(c -> new RemedyGroup(c, grouped.get(c)))
                .toList();
    }
}

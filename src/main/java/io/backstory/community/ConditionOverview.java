package io.backstory.community;

import java.util.List;

import io.backstory.evidence.Evidence;
import io.backstory.evidence.EvidenceService;
import io.backstory.evidence.Tip;
import io.backstory.evidence.TipService;
import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.cache.ReadCache;
import io.backstory.taxonomy.TaxonomyService;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Everything a condition page shows that is the same for every reader: the condition, what helped, the best tips and
 * a page of posts. A first page, the one most people land on, is one cached read model.
 */
@ApplicationScoped
public class ConditionOverview {

    public record View(ConditionView condition, Page<PostSummary> posts, Evidence evidence, List<Tip> bestTips) {
    }

    private record FirstPage(String slug, String kind, String sort, String period) {
    }

    private final TaxonomyService taxonomy;
    private final PostListService lists;
    private final EvidenceService evidence;
    private final TipService tips;
    private final ReadCache cache;
    private final PageSizes pageSizes;

    public ConditionOverview(TaxonomyService taxonomy, PostListService lists, EvidenceService evidence, TipService tips,
            ReadCache cache, PageSizes pageSizes) {
        this.pageSizes = pageSizes;
        this.taxonomy = taxonomy;
        this.lists = lists;
        this.evidence = evidence;
        this.tips = tips;
        this.cache = cache;
    }

    /** Unknown conditions are not found; bad list parameters are invalid input naming the parameter. */
    @Transactional
    public View of(String slug, String kind, String sort, String period, String after) {
        if (after == null || after.isBlank()) {
            return cache.get(new FirstPage(slug, kind, sort, period), () -> load(slug, kind, sort, period, null));
        }
        return load(slug, kind, sort, period, after);
    }

    private View load(String slug, String kind, String sort, String period, String after) {
        return new View(taxonomy.condition(slug),
                lists.list(slug, null, kind, sort, period, after, null),
                // The best tips on the condition page itself; the rest are one click away.
                evidence.forCondition(slug), tips.bestTips(slug, null, null, pageSizes.bestTips()).items());
    }
}

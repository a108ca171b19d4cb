package io.backstory.taxonomy;

import io.backstory.taxonomy.TaxonomyRequests.ConditionRequest;
import io.backstory.taxonomy.TaxonomyViews.ConditionView;

/** Conditions below /api/v1/conditions (TaxonomyApi leads there): list, look up, add and edit (moderators). */
@jakarta.inject.Singleton
public class ConditionApi extends TagFamilyApi<ConditionRequest, ConditionView> {

    public ConditionApi(TaxonomyService taxonomy) {
        super(taxonomy, TagFamily.CONDITIONS);
    }
}

package io.backstory.taxonomy;

import io.backstory.taxonomy.TaxonomyRequests.RemedyRequest;
import io.backstory.taxonomy.TaxonomyViews.RemedyView;

/** Remedies below /api/v1/remedies (TaxonomyApi leads there): list, look up, add and edit (moderators). */
@jakarta.inject.Singleton
public class RemedyApi extends TagFamilyApi<RemedyRequest, RemedyView> {

    public RemedyApi(TaxonomyService taxonomy) {
        super(taxonomy, TagFamily.REMEDIES);
    }
}

package io.backstory.community;

import java.util.List;

import io.backstory.community.WritingCheck.Preview;
import io.backstory.taxonomy.RedFlagAdvice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Pages the post and comment pages share: a held text's notice, a delete's confirmation, a history, a live check. */
@CheckedTemplate(basePath = "PostPages")
final class CommunityTemplates {

    private CommunityTemplates() {
    }

    static native TemplateInstance history(String heading, String backUrl, List<Revision.Change> changes);

    static native TemplateInstance confirm(String heading, String question, String action, String cancelUrl);

    static native TemplateInstance held(String what, List<String> reasons, List<String> urgentCare,
            List<RedFlagAdvice> redFlags, String backUrl);

    static native TemplateInstance livePreview(Preview preview, String action);
}

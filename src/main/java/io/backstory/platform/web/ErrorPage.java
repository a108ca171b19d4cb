package io.backstory.platform.web;

import io.backstory.platform.api.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page shown for a failed page request (404, 403, 409, invalid links...). */
public final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);

        static native TemplateInstance standalone(Problem problem);
    }

    private ErrorPage() {
    }

    public static TemplateInstance render(Problem problem) {
        return Templates.error(problem);
    }

    /** Without the site layout (which looks up the viewer): for when the database itself is unreachable. */
    public static TemplateInstance renderStandalone(Problem problem) {
        return Templates.standalone(problem);
    }
}

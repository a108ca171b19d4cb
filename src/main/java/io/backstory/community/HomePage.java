package io.backstory.community;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ConditionCount> conditions, List<PostSummary> recent);
    }

    private static final int RECENT_POSTS = 20;

    private final CommunityQueries queries;

    public HomePage(CommunityQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance home() {
        return Templates.home(queries.conditionsWithPostCounts(), queries.posts(PostFilter.ALL, null, RECENT_POSTS).items());
    }
}

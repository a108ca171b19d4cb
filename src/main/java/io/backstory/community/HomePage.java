package io.backstory.community;

import java.util.List;

import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageSizes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<ConditionCount> conditions, Page<PostSummary> recent, boolean firstPage);
    }

    private final CommunityQueries queries;
    private final PostListService lists;
    private final PageSizes pageSizes;

    public HomePage(CommunityQueries queries, PostListService lists, PageSizes pageSizes) {
        this.queries = queries;
        this.lists = lists;
        this.pageSizes = pageSizes;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance home(@QueryParam("after") String after) {
        return Templates.home(queries.conditionsWithPostCounts(), lists.list(null, null, null, null, null, after, pageSizes.homePosts()),
                after == null || after.isBlank());
    }
}

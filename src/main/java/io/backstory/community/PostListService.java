package io.backstory.community;

import io.backstory.platform.api.Page;
import io.backstory.platform.api.PageCursor;
import io.backstory.platform.api.PageSizes;
import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.content.PostKind;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.taxonomy.TagResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Lists of published posts for pages and the API, with their parameters checked; first pages are cached. */
@ApplicationScoped
public class PostListService {

    private record FirstPage(PostFilter filter, int size) {
    }

    private final CommunityQueries queries;
    private final TagResolver tags;
    private final ReadCache cache;
    private final PageSizes pageSizes;

    public PostListService(CommunityQueries queries, TagResolver tags, ReadCache cache, PageSizes pageSizes) {
        this.queries = queries;
        this.tags = tags;
        this.cache = cache;
        this.pageSizes = pageSizes;
    }

    /**
     * A page of {@code limit} posts ({@link PageSizes#posts()} when null). Unknown condition or remedy slugs, bad
     * kinds, cursors or sizes are invalid input naming the parameter.
     */
    @Transactional
    public Page<PostSummary> list(String condition, String remedy, String kind, String sort, String period,
            String after, Integer limit) {
        int size = limit == null ? pageSizes.posts() : limit;
        if (size < 1 || size > pageSizes.postsMax()) {
            throw new InvalidInputException("limit", "must be between 1 and " + pageSizes.postsMax());
        }
        PostFilter filter = new PostFilter(
                blank(condition) ? null : tags.condition(condition, "condition").slug,
                blank(remedy) ? null : tags.remedy(remedy, "remedy").slug,
                PostKind.fromParameter(kind, "kind"), PostSort.fromParameter(sort), PostSort.Period.fromParameter(period));
        PageCursor cursor = PageCursor.decode(after, "after");
        return cursor == null ? cache.get(new FirstPage(filter, size), () -> queries.posts(filter, null, size))
                : queries.posts(filter, cursor, size);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

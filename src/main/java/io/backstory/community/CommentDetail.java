package io.backstory.community;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.errors.CurrentState;
import java.time.Instant;
import java.util.List;

/** One comment as the API returns it after a write. */
public record CommentDetail(long id, long postId, Long parentId, String author, String body, String bodyHtml,
        List<String> remedies, int upvotes, int downvotes, Instant createdAt, Instant editedAt, int version,
        ContentStatus status, List<String> safetyNotices, List<String> urgentCare) implements CurrentState {

    static CommentDetail of(Comment c) {
        return new CommentDetail(c.id, c.post.id, c.parent == null ? null : c.parent.id,
                c.author == null ? null : c.author.handle, c.bodyMarkdown, c.bodyHtml,
                c.remedies.stream().map(r -> r.slug).toList(), c.upvotes, c.downvotes, c.createdAt, c.editedAt,
                c.version, c.status, List.of(c.safetyNotices), List.of(c.urgentCare));
    }
}

package io.backstory.moderation;

import java.time.Instant;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.db.NamedRow;

/**
 * One audit-log step. {@code title}: the post's title (for a comment, the post it is on); {@code excerpt}: a comment's
 * first words, null for a post.
 */
public record LogEntry(long itemId, String moderator, AuditAction action, ContentStatus fromStatus,
        ContentStatus toStatus, String note, Instant createdAt, ReviewTarget target, long postId, String title,
        String excerpt) {

    /** SQL: the columns of a log entry, from {@code moderation_action a} with its item {@code r}. */
    static final String SELECT = """
            select a.review_item_id as item_id,
                   coalesce(m.handle, case when a.moderator_id is null then 'automatic' end) as moderator,
                   a.action, a.from_status, a.to_status, a.note, a.created_at, r.post_id, r.comment_id,
                   coalesce(r.post_id, lc.post_id) as on_post, coalesce(lp.title, lcp.title) as title,
                   left(regexp_replace(lc.body_markdown, '\\s+', ' ', 'g'), 140) as excerpt
            from moderation_action a join review_item r on r.id = a.review_item_id
            left join member m on m.id = a.moderator_id
            left join post lp on lp.id = r.post_id
            left join comment lc on lc.id = r.comment_id
            left join post lcp on lcp.id = lc.post_id""";

    /** Whether the step changed what readers see (a warning, say, does not). */
    public boolean changedStatus() {
        return fromStatus != toStatus;
    }

    static LogEntry read(NamedRow r) {
        boolean isPost = r.numberOrNull("post_id") != null;
        return new LogEntry(r.number("item_id"), r.text("moderator"), r.enumValue("action", AuditAction.class),
                r.enumValue("from_status", ContentStatus.class), r.enumValue("to_status", ContentStatus.class), r.text("note"),
                r.instant("created_at"), isPost ? ReviewTarget.POST : ReviewTarget.COMMENT, r.number("on_post"),
                r.text("title"), r.text("excerpt"));
    }
}

package io.backstory.moderation;

import java.time.Instant;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;

/**
 * What a moderator should know about an author: how long they have been here, what they wrote, and how often
 * moderators and members found fault with it before. Null fields: the author left (a former member).
 */
public record AuthorRecord(String handle, Instant memberSince, long posts, long comments, long hiddenOrRemoved,
        long flagsReceived, long earlierDecisions, long warnings, Instant silencedUntil) {

    /**
     * SQL: the columns of an author record of member {@code m}, seen from review item {@code r} (whose own decisions are
     * not "earlier").
     */
    static final String COLUMNS = ("""
            m.handle as author, m.created_at as member_since, m.silenced_until,
            (select count(*) from post ap where ap.author_id = m.id) as author_posts,
            (select count(*) from comment ac where ac.author_id = m.id and not ac.deleted) as author_comments,
            (select count(*) from post ap where ap.author_id = m.id and ap.status in %1$s)
              + (select count(*) from comment ac where ac.author_id = m.id and ac.status in %1$s)
              as author_hidden,
            (select count(*) from content_flag f left join post fp on fp.id = f.post_id
                    left join comment fc on fc.id = f.comment_id
             where coalesce(fp.author_id, fc.author_id) = m.id) as author_flags,
            (select count(*) from moderation_action da join review_item dr on dr.id = da.review_item_id
                    left join post dp on dp.id = dr.post_id left join comment dc on dc.id = dr.comment_id
             where coalesce(dp.author_id, dc.author_id) = m.id and dr.id <> r.id and da.moderator_id is not null
               and da.action in %2$s)
              as author_decisions,
            (select count(*) from moderation_action da join review_item dr on dr.id = da.review_item_id
                    left join post dp on dp.id = dr.post_id left join comment dc on dc.id = dr.comment_id
             where coalesce(dp.author_id, dc.author_id) = m.id and da.action = %3$s) as author_warnings""")
            .formatted(SqlEnum.in(ContentStatus.HIDDEN, ContentStatus.REMOVED),
                    SqlEnum.in(AuditAction.APPROVE, AuditAction.APPROVE_WITH_NOTE, AuditAction.EDIT_AND_APPROVE,
                            AuditAction.HIDE, AuditAction.REMOVE, AuditAction.DISMISS_FLAGS),
                    SqlEnum.literal(AuditAction.WARN_AUTHOR));

    static AuthorRecord read(NamedRow r) {
        return new AuthorRecord(r.text("author"), r.instant("member_since"), r.number("author_posts"),
                r.number("author_comments"), r.number("author_hidden"), r.number("author_flags"),
                r.number("author_decisions"), r.number("author_warnings"), r.instant("silenced_until"));
    }
}

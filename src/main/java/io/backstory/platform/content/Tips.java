package io.backstory.platform.content;

import io.backstory.platform.db.SqlEnum;

/**
 * What counts as a tip, whose upvotes count as people it helped: a tip post, a post reporting remedy outcomes, or a
 * comment tagged with remedies. The one definition, read where a vote is cast and where a member's total is recounted.
 */
public final class Tips {

    private Tips() {
    }

    /** SQL condition: the post row {@code alias} (for a comment, the comment row) is a tip. */
    public static String isTipSql(ContentKind kind, String alias) {
        return switch (kind) {
            case POST -> "(" + alias + ".kind = " + SqlEnum.literal(PostKind.TIP)
                    + " or exists (select 1 from post_remedy r where r.post_id = " + alias + ".id))";
            case COMMENT -> "exists (select 1 from comment_remedy r where r.comment_id = " + alias + ".id)";
        };
    }
}

package io.backstory.voting;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.SqlEnum;

/** What can be voted on, and where its votes and tallies live. */
public enum VoteTarget {
    POST("post", "post_vote", "post_id",
            "from post p where p.id = ?1 and " + Visibility.toReadersSql("p") + " for update",
            "p.kind = " + SqlEnum.literal(PostKind.TIP) + " or exists (select 1 from post_remedy r where r.post_id = p.id)"),
    COMMENT("comment", "comment_vote", "comment_id",
            """
            from comment c join post p on p.id = c.post_id
            where c.id = ?1 and %s and %s
            for update of c""".formatted(Visibility.toReadersSql("c"), Visibility.toReadersSql("p")),
            "exists (select 1 from comment_remedy r where r.comment_id = c.id)");

    final String noun;
    final String voteTable;
    final String targetColumn;
    /** From the visible target row (alias p or c) to its lock, which serialises its voters. */
    final String lockVisible;
    /** SQL condition (alias p for posts, c for comments): the target counts as a tip. */
    final String isTip;

    VoteTarget(String noun, String voteTable, String targetColumn, String lockVisible, String isTip) {
        this.noun = noun;
        this.voteTable = voteTable;
        this.targetColumn = targetColumn;
        this.lockVisible = lockVisible;
        this.isTip = isTip;
    }

    String table() {
        return noun;
    }

    String alias() {
        return this == POST ? "p" : "c";
    }
}

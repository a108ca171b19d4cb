package io.backstory.voting;

import io.backstory.platform.content.ContentKind;

/** What can be voted on, and where its votes live (its tallies are on the post or comment, which community owns). */
public enum VoteTarget {
    POST(ContentKind.POST), COMMENT(ContentKind.COMMENT);

    final ContentKind kind;
    final String noun;
    final String voteTable;
    final String targetColumn;

    VoteTarget(ContentKind kind) {
        this.kind = kind;
        this.noun = kind.table;
        this.voteTable = kind.table + "_vote";
        this.targetColumn = kind.table + "_id";
    }
}

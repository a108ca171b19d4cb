package io.backstory.platform.content;

/** A post or a comment, as features other than community name one. */
public enum ContentKind {
    POST("post"), COMMENT("comment");

    /** Its table, and the stem of its revision table and of the {@code _id} column that refers to it. */
    public final String table;

    ContentKind(String table) {
        this.table = table;
    }
}

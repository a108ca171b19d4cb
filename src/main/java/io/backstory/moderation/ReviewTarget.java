package io.backstory.moderation;

import io.backstory.platform.content.ContentKind;

/** A post or a comment, as the review queue refers to them. */
public enum ReviewTarget {
    POST("post", "post_id"), COMMENT("comment", "comment_id");

    final String table;
    final String column;

    ReviewTarget(String table, String column) {
        this.table = table;
        this.column = column;
    }

    public String noun() {
        return table;
    }

    /** The same post or comment, as the feature that owns them names it. */
    public ContentKind kind() {
        return ContentKind.valueOf(name());
    }
}

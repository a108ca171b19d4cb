package io.backstory.platform.content;

import io.backstory.platform.db.SqlEnum;

/**
 * What readers may see: a post or comment that is published and that its author has not deleted. The one definition,
 * in Java and in SQL, that every read path uses (a list, a feed, a search, a notification's quoted title).
 */
public final class Visibility {

    private Visibility() {
    }

    /** Whether readers see content in this state. */
    public static boolean toReaders(ContentStatus status, boolean deleted) {
        return status.readersSeeIt() && !deleted;
    }

    /** {@link #toReaders} in SQL, for the post or comment row {@code alias}. */
    public static String toReadersSql(String alias) {
        return "(" + alias + ".status = " + SqlEnum.literal(ContentStatus.PUBLISHED) + " and not " + alias + ".deleted)";
    }
}

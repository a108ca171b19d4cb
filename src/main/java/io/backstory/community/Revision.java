package io.backstory.community;

import java.time.Instant;
import java.util.List;

import io.backstory.platform.text.TextDiff;

/**
 * One saved version of a post or comment, and what changed from the one before. {@code publicVersion}: whether the
 * public sees it (only its author and moderators see the others: text held for review, or replaced by a moderator).
 */
public record Revision(int number, String editor, Instant createdAt, String title, String text, boolean publicVersion) {

    /** Each revision with its line diff against the previous one (the first shows all lines as added). */
    public record Change(Revision revision, List<TextDiff.Line> lines) {
    }

    public static List<Change> changes(List<Revision> revisions) {
        return java.util.stream.IntStream.range(0, revisions.size())
                .mapToObj(i -> new Change(revisions.get(i), TextDiff.lines(
                        i == 0 ? "" : fullText(revisions.get(i - 1)), fullText(revisions.get(i)))))
                .toList();
    }

    private static String fullText(Revision r) {
        return r.title() == null ? r.text() : r.title() + "\n\n" + r.text();
    }
}

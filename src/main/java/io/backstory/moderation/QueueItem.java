package io.backstory.moderation;

import java.math.BigDecimal;
import java.time.Instant;

import io.backstory.platform.content.ContentStatus;

/**
 * An open item as the queue lists it: what it is about ({@code excerpt}: the comment's first words, or null for a
 * post), its first reason, whether readers see it now, and the author's record in short.
 */
public record QueueItem(long id, ReviewTarget target, long targetId, Long postId, String title, String excerpt,
        ReviewCategory category, int severity, double flagWeight, ReviewReason reason, ContentStatus contentStatus,
        AuthorRecord author, Instant createdAt, int version, double flagWeightToHide) {

    /**
     * Members' flags in plain words: how far they are towards hiding the writing on their own. A trusted member's
     * flag weighs 1, a new member's half, and both count for more when that member's earlier flags were upheld.
     */
    public String flagProgress() {
        return "members' flags: %s of the %s that hide it automatically".formatted(
                plain(flagWeight), plain(flagWeightToHide));
    }

    /** A weight as people write numbers: 1, 0.5, 2.3; never 1.0 or 0.30000000000000004. */
    static String plain(double weight) {
        return BigDecimal.valueOf(Math.round(weight * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}

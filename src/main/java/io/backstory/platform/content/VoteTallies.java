package io.backstory.platform.content;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The up/down tallies on posts and comments, which voting changes and community owns. Community implements this
 * ({@code community/ContentStore}); voting, which community calls to read a member's votes, reaches the rows only
 * through it, so the tables keep one writer and the packages one direction. A vote costs the same statements as when
 * voting wrote them itself: one that locks and reads the target, one that changes the tallies and returns them.
 */
public interface VoteTallies {

    /** A target's tallies; {@code score} is up minus down, kept by the database. */
    record Tallies(int upvotes, int downvotes, int score) {
    }

    /** A visible post or comment, locked until the transaction ends: its author (null: a former member's). */
    record LockedTarget(Long authorId, boolean tip, Tallies tallies) {
    }

    /**
     * Locks the post or comment if readers can see it (a comment only under a visible post), so that concurrent votes on
     * it run one after another, and reads what a vote needs. Empty if it does not exist or is not visible.
     */
    Optional<LockedTarget> lockVisible(ContentKind kind, long id);

    /** Changes the tallies by these differences (the caller holds the lock); the tallies after the change. */
    Tallies add(ContentKind kind, long id, int upDelta, int downDelta);

    /**
     * Recounts the tallies of these posts or comments from their vote rows (after a voter's votes were erased); the
     * authors of those that have one.
     */
    Set<Long> recount(ContentKind kind, Collection<Long> ids);
}

package io.backstory.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backstory.accounts.MemberStanding;
import io.backstory.accounts.MemberStanding.Actor;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.content.VoteTallies;
import io.backstory.platform.content.VoteTallies.LockedTarget;
import io.backstory.platform.content.VoteTallies.Tallies;
import io.backstory.platform.db.NamedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * One vote per member per post or comment: +1, -1, or none. The target row is locked first, so concurrent
 * votes on it run one after another; the vote row and the tallies change in the same transaction, by the
 * difference the vote makes, and the ranking columns follow through a database trigger.
 */
@ApplicationScoped
public class VoteService {

    /** The caller's vote and the target's tallies after the change. */
    public record VoteState(int value, int upvotes, int downvotes, int score) {

        VoteState(int value, Tallies tallies) {
            this(value, tallies.upvotes(), tallies.downvotes(), tallies.score());
        }
    }

    private final EntityManager em;
    private final VoteTallies tallies;
    private final MemberStanding standing;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    public VoteService(EntityManager em, VoteTallies tallies, MemberStanding standing, RateLimiter rateLimiter,
            RateLimits limits) {
        this.em = em;
        this.tallies = tallies;
        this.standing = standing;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /**
     * Sets the member's vote to {@code value} (1 or -1; 0 withdraws). Repeating a vote changes nothing. The voter is
     * named by id: a vote reads the two facts about them it needs in its own transaction, not their whole profile.
     */
    @Transactional
    public VoteState vote(VoteTarget target, long id, long voterId, int value) {
        if (value < -1 || value > 1) {
            throw new InvalidInputException("value", "must be 1 (up) or -1 (down)");
        }
        Actor voter = standing.actor(voterId);
        voter.requireNotSilenced();
        // The voter's current vote is read after the target's lock is held: read in the locking statement, it would come
        // from the snapshot taken before the wait.
        LockedTarget locked = tallies.lockVisible(target.kind, id)
                .orElseThrow(() -> new NotFoundException(capitalised(target.noun) + " " + id));
        if (locked.authorId() != null && locked.authorId() == voterId) {
            throw new NotAllowedException("You cannot vote on your own " + target.noun + ".");
        }
        rateLimiter.acquire(voter.limitBucket("votes"), limits.votesPerHour(), java.time.Duration.ofHours(1));
        int previous = replaceVote(target, id, voterId, value);
        if (previous == value) {
            return new VoteState(value, locked.tallies());
        }
        int upDelta = (value == 1 ? 1 : 0) - (previous == 1 ? 1 : 0);
        int downDelta = (value == -1 ? 1 : 0) - (previous == -1 ? 1 : 0);
        Tallies after = tallies.add(target.kind, id, upDelta, downDelta);
        if (upDelta != 0 && locked.authorId() != null && locked.tip()) {
            standing.addHelped(locked.authorId(), upDelta);
        }
        return new VoteState(value, after);
    }

    /**
     * Sets the member's vote row to {@code value} (0: none) unless it is that already, and returns the vote it replaced:
     * one statement, whose snapshot is taken after the caller locked the target.
     */
    private int replaceVote(VoteTarget target, long id, long memberId, int value) {
        String row = target.targetColumn + " = ?1 and member_id = ?2";
        return ((Number) em.createNativeQuery("with previous as (select value from " + target.voteTable + " where " + row
                + "), removed as (delete from " + target.voteTable + " where ?3 = 0 and " + row
                + "), placed as (insert into " + target.voteTable + " (" + target.targetColumn + ", member_id, value)"
                + " select ?1, ?2, ?3 where ?3 <> 0 and ?3 is distinct from (select value from previous)"
                + " on conflict (" + target.targetColumn + ", member_id) do update set value = excluded.value)"
                + " select coalesce((select value from previous), 0)")
                .setParameter(1, id).setParameter(2, memberId).setParameter(3, (short) value).getSingleResult()).intValue();
    }

    /**
     * The member's vote on a post and the post's tallies as they are now, and the comments a render of its thread made
     * at {@code renderedAt} shows wrongly to them: those they voted on (with their vote) and those whose tallies changed
     * since (V45's log; {@link #SLOWEST_VOTE} earlier, for a vote whose transaction had not committed when the render
     * read the thread), both with their tallies as they are now. Any other comment is as rendered. One statement: a
     * few index ranges, whatever the thread's size.
     */
    @Transactional
    public VotesOnPost onPost(long memberId, long postId, Instant renderedAt) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select coalesce(v.value, 0) as value, p.upvotes, p.downvotes, c.ids, c.values, c.upvotes as comment_upvotes,
                    c.downvotes as comment_downvotes
                from post p left join post_vote v on v.post_id = p.id and v.member_id = ?1
                cross join lateral (
                    select array_agg(c.id) as ids, array_agg(coalesce(mine.value, 0)) as values,
                        array_agg(c.upvotes) as upvotes, array_agg(c.downvotes) as downvotes
                    from comment c left join comment_vote mine on mine.comment_id = c.id and mine.member_id = ?1
                    where c.id in (select comment_id from comment_vote where member_id = ?1 and post_id = p.id
                                   union select comment_id from comment_tally_change
                                         where post_id = p.id and changed_at > ?3)) c
                where p.id = ?2""", Tuple.class).setParameter(1, memberId).setParameter(2, postId)
                .setParameter(3, renderedAt.minus(SLOWEST_VOTE)));
        if (rows.isEmpty()) {
            return new VotesOnPost(new Vote(0, 0, 0), Map.of());
        }
        NamedRow r = rows.get(0);
        long[] ids = r.numbers("ids");
        long[] values = r.numbers("values");
        long[] upvotes = r.numbers("comment_upvotes");
        long[] downvotes = r.numbers("comment_downvotes");
        Map<Long, Vote> comments = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            comments.put(ids[i], new Vote((int) values[i], (int) upvotes[i], (int) downvotes[i]));
        }
        return new VotesOnPost(new Vote((int) r.number("value"), (int) r.number("upvotes"), (int) r.number("downvotes")),
                comments);
    }

    /**
     * Longer than a vote's transaction can take between changing a comment's tallies and committing (and than the
     * clocks of an instance and the database may differ): {@link #onPost} looks back this much before a render.
     */
    static final Duration SLOWEST_VOTE = Duration.ofMinutes(1);

    /** What {@link #onPost} reads: the vote on the post, and by comment id those of its comments it names. */
    public record VotesOnPost(Vote post, Map<Long, Vote> comments) {
    }

    /** A member's vote on a post or comment (0: none), with its tallies as they are now (a shared render's may lag). */
    public record Vote(int value, int upvotes, int downvotes) {

        public int score() {
            return upvotes - downvotes;
        }
    }

    /**
     * After a voter's votes were erased (account deletion): recounts the tallies of what they had voted on,
     * and the "helped" totals of those authors.
     */
    @Transactional
    public void recountAfterVoterLeft(VoteTarget target, List<Long> ids) {
        tallies.recount(target.kind, ids).forEach(standing::recountHelped);
    }

    private static String capitalised(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}

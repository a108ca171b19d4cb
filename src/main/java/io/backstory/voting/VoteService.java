package io.backstory.voting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backstory.accounts.Member;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
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
    }

    private final EntityManager em;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    public VoteService(EntityManager em, RateLimiter rateLimiter, RateLimits limits) {
        this.em = em;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /** Sets the member's vote to {@code value} (1 or -1; 0 withdraws). Repeating a vote changes nothing. */
    @Transactional
    public VoteState vote(VoteTarget target, long id, Member voter, int value) {
        if (value < -1 || value > 1) {
            throw new InvalidInputException("value", "must be 1 (up) or -1 (down)");
        }
        voter.requireNotSilenced();
        // One statement locks the target and reads its author, whether it is a tip and its tallies. The voter's current
        // vote is read after the lock is held: a subquery here would see the snapshot from before the wait.
        String a = target.alias();
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("select " + a + ".author_id, (" + target.isTip + ") as tip, "
                + a + ".upvotes, " + a + ".downvotes, " + a + ".score " + target.lockVisible, Tuple.class).setParameter(1, id));
        if (rows.isEmpty()) {
            throw ProblemException.notFound(capitalised(target.noun) + " " + id);
        }
        NamedRow row = rows.get(0);
        Long authorId = row.numberOrNull("author_id");
        if (authorId != null && authorId.equals(voter.id)) {
            throw ProblemException.forbidden("You cannot vote on your own " + target.noun + ".");
        }
        rateLimiter.acquire(voter.limitBucket("votes"), limits.votesPerHour(), java.time.Duration.ofHours(1));
        int previous = currentVote(target, id, voter.id);
        if (previous == value) {
            return new VoteState(value, (int) row.number("upvotes"), (int) row.number("downvotes"), (int) row.number("score"));
        }
        if (value == 0) {
            em.createNativeQuery("delete from " + target.voteTable + " where " + target.targetColumn
                    + " = ?1 and member_id = ?2").setParameter(1, id).setParameter(2, voter.id).executeUpdate();
        } else {
            em.createNativeQuery("insert into " + target.voteTable + " (" + target.targetColumn
                    + ", member_id, value) values (?1, ?2, ?3) on conflict (" + target.targetColumn
                    + ", member_id) do update set value = excluded.value")
                    .setParameter(1, id).setParameter(2, voter.id).setParameter(3, (short) value).executeUpdate();
        }
        int upDelta = (value == 1 ? 1 : 0) - (previous == 1 ? 1 : 0);
        int downDelta = (value == -1 ? 1 : 0) - (previous == -1 ? 1 : 0);
        NamedRow tallies = new NamedRow((Tuple) em.createNativeQuery("update " + target.table()
                + " set upvotes = upvotes + ?1, downvotes = downvotes + ?2 where id = ?3 returning upvotes, downvotes, score",
                Tuple.class).setParameter(1, upDelta).setParameter(2, downDelta).setParameter(3, id).getSingleResult());
        if (upDelta != 0 && authorId != null && row.bool("tip")) {
            em.createNativeQuery("update member set helped_count = helped_count + ?1 where id = ?2")
                    .setParameter(1, upDelta).setParameter(2, authorId).executeUpdate();
        }
        return new VoteState(value, (int) tallies.number("upvotes"), (int) tallies.number("downvotes"),
                (int) tallies.number("score"));
    }

    /** The member's votes on each comment of a post, by comment id, for showing pressed buttons and fresh tallies. */
    @Transactional
    public Map<Long, Vote> commentVotes(long memberId, long postId) {
        Map<Long, Vote> votes = new HashMap<>();
        NamedRow.all(em.createNativeQuery("""
                select v.comment_id, v.value, c.upvotes, c.downvotes from comment_vote v join comment c on c.id = v.comment_id
                where v.member_id = ?1 and c.post_id = ?2""", Tuple.class).setParameter(1, memberId).setParameter(2, postId))
                .forEach(r -> votes.put(r.number("comment_id"), new Vote((int) r.number("value"),
                        (int) r.number("upvotes"), (int) r.number("downvotes"))));
        return votes;
    }

    /** A member's vote on a post or comment (0: none), with its tallies as they are now (a shared render's may lag). */
    public record Vote(int value, int upvotes, int downvotes) {

        public int score() {
            return upvotes - downvotes;
        }
    }

    /** The member's vote on a post, with the post's tallies. */
    @Transactional
    public Vote postVote(long memberId, long postId) {
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("""
                select coalesce(v.value, 0) as value, p.upvotes, p.downvotes
                from post p left join post_vote v on v.post_id = p.id and v.member_id = ?1
                where p.id = ?2""", Tuple.class).setParameter(1, memberId).setParameter(2, postId));
        return rows.isEmpty() ? new Vote(0, 0, 0) : new Vote((int) rows.get(0).number("value"),
                (int) rows.get(0).number("upvotes"), (int) rows.get(0).number("downvotes"));
    }

    /**
     * Recounts a member's "helped" total from scratch: upvotes on their visible tips. Called when a post or
     * comment changes in a way that can make it a tip or stop being one (edit, deletion).
     */
    @Transactional
    public void recountHelped(long memberId) {
        em.createNativeQuery("""
                update member m set helped_count =
                  coalesce((select sum(p.upvotes) from post p where p.author_id = m.id and p.status = 'PUBLISHED'
                            and not p.deleted and (%s)), 0)
                  + coalesce((select sum(c.upvotes) from comment c where c.author_id = m.id and c.status = 'PUBLISHED'
                            and not c.deleted and %s), 0)
                where m.id = ?1""".formatted(VoteTarget.POST.isTip, VoteTarget.COMMENT.isTip))
                .setParameter(1, memberId).executeUpdate();
    }

    /**
     * After a voter's votes were erased (account deletion): recounts the tallies of what they had voted on,
     * and the "helped" totals of those authors.
     */
    @Transactional
    public void recountAfterVoterLeft(VoteTarget target, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] targets = ids.toArray(Long[]::new);
        em.createNativeQuery("update " + target.table() + " t set upvotes = (select count(*) from " + target.voteTable
                + " v where v." + target.targetColumn + " = t.id and v.value = 1), downvotes = (select count(*) from "
                + target.voteTable + " v where v." + target.targetColumn + " = t.id and v.value = -1) where t.id = any(?1)")
                .setParameter(1, targets).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> authors = em.createNativeQuery("select distinct author_id from " + target.table()
                + " where id = any(?1) and author_id is not null").setParameter(1, targets).getResultList();
        authors.forEach(author -> recountHelped(((Number) author).longValue()));
    }

    private int currentVote(VoteTarget target, long id, long memberId) {
        @SuppressWarnings("unchecked")
        List<Object> values = em.createNativeQuery("select value from " + target.voteTable + " where "
                + target.targetColumn + " = ?1 and member_id = ?2").setParameter(1, id).setParameter(2, memberId)
                .getResultList();
        return values.isEmpty() ? 0 : ((Number) values.get(0)).intValue();
    }

    private static String capitalised(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}

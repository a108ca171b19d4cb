package io.backstory.accounts;

import java.time.Instant;
import java.util.Collection;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.Tips;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.NotAllowedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * What other features change about members: trust, silencing and flaggers' records (moderation decides), and how many
 * people their tips helped (votes and edits change it). Plain SQL on {@code member}, which accounts owns.
 */
@ApplicationScoped
public class MemberStanding {

    /**
     * What an action needs to know about the member taking it, read in the action's own transaction: whether a
     * moderator silenced them, and the person behind the account for rate limits ({@link Member#personKey}).
     */
    public record Actor(String personKey, Instant silencedUntil) {

        public void requireNotSilenced() {
            Member.requireNotSilenced(silencedUntil);
        }

        public String limitBucket(String action) {
            return Member.limitBucket(action, personKey);
        }
    }

    private final EntityManager em;

    public MemberStanding(EntityManager em) {
        this.em = em;
    }

    /** The member as an action needs them, without loading their profile (one statement, in the caller's transaction). */
    public Actor actor(long memberId) {
        return NamedRow.all(em.createNativeQuery(
                "select person_key(oidc_subject) as person_key, silenced_until from member where id = ?1", Tuple.class)
                .setParameter(1, memberId)).stream().findFirst()
                .map(row -> new Actor(row.text("person_key"), row.instant("silenced_until")))
                .orElseThrow(() -> new NotAllowedException("Your account no longer exists: log in again."));
    }

    /** Basic trust (level 1), never lowering a higher level: no more review of their first posts and links. */
    public void grantBasicTrust(long memberId) {
        em.createNativeQuery("update member set trust_level = greatest(trust_level, 1) where id = ?1")
                .setParameter(1, memberId).executeUpdate();
    }

    /** Stops the member from posting for this many days from now. */
    public void silence(long memberId, int days) {
        em.createNativeQuery("update member set silenced_until = now() + make_interval(days => ?1) where id = ?2")
                .setParameter(1, days).setParameter(2, memberId).executeUpdate();
    }

    /** Puts trust and silencing back as they were (undoing a decision). */
    public void restore(long memberId, int trustLevel, Instant silencedUntil) {
        em.createNativeQuery("update member set trust_level = ?1, silenced_until = cast(?2 as timestamptz) where id = ?3")
                .setParameter(1, trustLevel).setParameter(2, silencedUntil).setParameter(3, memberId).executeUpdate();
    }

    /** Adds to (or, negative, takes from) the flaggers' counts of flags a moderator upheld and dismissed. */
    public void countFlags(Collection<Long> flaggerIds, int upheld, int dismissed) {
        if (flaggerIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("update member set flags_upheld = flags_upheld + ?1, flags_dismissed = flags_dismissed + ?2"
                + " where id in (?3)").setParameter(1, upheld).setParameter(2, dismissed).setParameter(3, flaggerIds)
                .executeUpdate();
    }

    /** Adds to (or, negative, takes from) the member's "helped" total: an upvote on one of their tips came or went. */
    public void addHelped(long memberId, int upvotes) {
        em.createNativeQuery("update member set helped_count = helped_count + ?1 where id = ?2")
                .setParameter(1, upvotes).setParameter(2, memberId).executeUpdate();
    }

    /**
     * Recounts a member's "helped" total from scratch: upvotes on their visible tips. Called when a post or comment
     * changes in a way that can make it a tip or stop being one (edit, deletion), or loses a voter.
     */
    public void recountHelped(long memberId) {
        em.createNativeQuery("""
                update member m set helped_count =
                  coalesce((select sum(p.upvotes) from post p where p.author_id = m.id and %s and %s), 0)
                  + coalesce((select sum(c.upvotes) from comment c where c.author_id = m.id and %s and %s), 0)
                where m.id = ?1""".formatted(Visibility.toReadersSql("p"), Tips.isTipSql(ContentKind.POST, "p"),
                        Visibility.toReadersSql("c"), Tips.isTipSql(ContentKind.COMMENT, "c")))
                .setParameter(1, memberId).executeUpdate();
    }
}

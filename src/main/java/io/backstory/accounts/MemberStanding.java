package io.backstory.accounts;

import java.time.Instant;
import java.util.Collection;

import io.backstory.platform.content.ContentKind;
import io.backstory.platform.content.Tips;
import io.backstory.platform.content.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What other features change about members: trust, silencing and flaggers' records (moderation decides), and how many
 * people their tips helped (votes and edits change it). Plain SQL on {@code member}, which accounts owns.
 */
@ApplicationScoped
public class MemberStanding {

    private final EntityManager em;

    public MemberStanding(EntityManager em) {
        this.em = em;
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

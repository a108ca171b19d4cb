package io.backstory.accounts;

import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What moderation changes about members: trust, silencing and flaggers' records. Plain SQL on {@code member}, which
 * accounts owns; moderation decides, this writes.
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
}

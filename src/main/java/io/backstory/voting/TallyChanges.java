package io.backstory.voting;

import java.time.Duration;

import io.backstory.platform.Limits;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Keeps the log of comments' tally changes (V45) short: a change is read only by views of a render made after it
 * minus {@link VoteService#SLOWEST_VOTE}, and no render is kept longer than twice the read cache's ttl, so older
 * changes are deleted (one instance does it, a cluster job).
 */
@ApplicationScoped
public class TallyChanges {

    private final EntityManager em;

    public TallyChanges(EntityManager em) {
        this.em = em;
    }

    void schedule(@Observes StartupEvent start, ClusterJobs jobs, Limits limits) {
        Duration kept = retention(limits.cache().ttl());
        jobs.every(limits.jobs().tallyChangeTrimEvery(), "tally-change-trim", () -> trim(kept));
    }

    /** Longer than a render is kept (twice the ttl) and looked back from: ten minutes at least. */
    static Duration retention(Duration cacheTtl) {
        Duration needed = cacheTtl.multipliedBy(3).plus(VoteService.SLOWEST_VOTE);
        return needed.compareTo(Duration.ofMinutes(10)) > 0 ? needed : Duration.ofMinutes(10);
    }

    long trim(Duration kept) {
        return em.createNativeQuery("delete from comment_tally_change where changed_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) kept.toSeconds()).executeUpdate();
    }
}

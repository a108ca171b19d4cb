package io.backstory.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;

import io.backstory.platform.Limits;
import io.backstory.platform.errors.RateLimitedException;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Fixed-window rate limits counted in PostgreSQL, so they hold across every app instance. Each call counts in
 * its own transaction: a request that is then rejected for another reason still counts, and a rejected
 * request writes nothing else. Counters older than two days are removed by a job that runs once per
 * {@code backstory.jobs.rate-limit-clean-up-every} across all instances.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;

    public RateLimiter(EntityManager em) {
        this.em = em;
    }

    void scheduleCleanUp(@Observes StartupEvent start, ClusterJobs jobs, Limits limits) {
        jobs.every(limits.jobs().rateLimitCleanUpEvery(), "rate-limit-clean-up", () -> em.createNativeQuery(
                "delete from rate_limit_counter where window_start < now() - interval '2 days'").executeUpdate());
    }

    /** Counts one hit on {@code bucket}; throws {@link RateLimitedException} past {@code limit} per window. */
    public void acquire(String bucket, int limit, Duration window) {
        Instant now = Instant.now();
        long windowSeconds = window.toSeconds();
        Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
        int hits = QuarkusTransaction.requiringNew().call(() -> {
            // A hit lost in a database crash only forgives one request: no need to wait for the disk at commit.
            em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
            return ((Number) em.createNativeQuery("""
                    insert into rate_limit_counter (bucket, window_start, hits) values (?1, ?2, 1)
                    on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + 1
                    returning hits""").setParameter(1, bucket).setParameter(2, windowStart).getSingleResult()).intValue();
        });
        if (hits > limit) {
            long retryAfter = Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds());
            throw new RateLimitedException(limit, window, retryAfter);
        }
    }
}

package io.backstory.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.backstory.platform.api.ProblemMappers;
import io.backstory.platform.errors.RateLimitedException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class RateLimiterTest {

    @Inject
    EntityManager em;

    /** Two limiter instances, as on two app instances, share one count because it lives in the database. */
    @Test
    void limitsHoldAcrossInstancesSharingOneDatabase() {
        RateLimiter first = new RateLimiter(em);
        RateLimiter second = new RateLimiter(em);
        String bucket = "test-bucket-" + System.nanoTime();
        Duration window = Duration.ofHours(1);
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? first : second).acquire(bucket, 6, window);
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> second.acquire(bucket, 6, window));
        assertEquals(429, ProblemMappers.problem(refused).status());
        assertThrows(RateLimitedException.class, () -> first.acquire(bucket, 6, window));
        first.acquire(bucket + "-other", 6, window); // other buckets are unaffected
    }
}

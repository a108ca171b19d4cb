package io.backstory.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Two helpers on one database stand for two app instances (TwoInstancesIT shows the same with two real ones): a job
 * runs once per period between them, and a run that fails leaves no record and is done again.
 */
@QuarkusTest
class ClusterJobsTest {

    @Inject
    EntityManager em;

    @Test
    void twoInstancesRunAJobOncePerPeriodBetweenThem() throws Exception {
        String name = "test-once-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        ClusterJobs one = new ClusterJobs(em);
        ClusterJobs other = new ClusterJobs(em);
        long started = System.nanoTime();
        try {
            one.every(Duration.ofSeconds(1), name, () -> runs.incrementAndGet());
            other.every(Duration.ofSeconds(1), name, () -> runs.incrementAndGet());
            Thread.sleep(5_000);
        } finally {
            one.stop();
            other.stop();
        }
        double periods = (System.nanoTime() - started) / 1e9;
        Thread.sleep(300);
        // Each alone would run it about once a second: together, twice as often.
        assertTrue(runs.get() <= periods + 1, runs.get() + " runs in " + periods + " s");
        assertTrue(runs.get() >= periods / 2 - 1, runs.get() + " runs in " + periods + " s");
        assertEquals(runs.get(), recordedRuns(name), "every run is recorded, once");
    }

    @Test
    void aRunThatFailsLeavesNoRecordAndIsDoneAgain() throws Exception {
        String name = "test-retry-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        ClusterJobs jobs = new ClusterJobs(em);
        try {
            jobs.every(Duration.ofHours(1), name, () -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("the instance died half way");
                }
                return 1;
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (recordedRuns(name) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            jobs.stop();
        }
        assertEquals(2, attempts.get(), "tried again at the next look, then not again within the hour");
        assertEquals(1, recordedRuns(name));
    }

    private long recordedRuns(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select runs from scheduled_job where name = ?1").setParameter(1, name)
                .getSingleResult()).longValue());
    }
}

package io.backstory.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Timed work that runs once per period across every app instance on the database (migration V20). Each instance
 * looks every quarter period (at most every 10 s) whether the job is due; the one that locks the job's row
 * ({@code FOR UPDATE SKIP LOCKED}, the others skip it) runs the work in that same transaction and records the run.
 * So two instances never run one period twice nor overlap, the database's clock decides what is due, and a run cut
 * off by a crash rolls back with its record and is run again by whichever instance looks next. Advisory locks alone
 * would only keep runs from overlapping: two instances a few seconds apart would still both run every period.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);
    private static final Duration LONGEST_LOOK = Duration.ofSeconds(10);
    private static final Duration SHORTEST_LOOK = Duration.ofMillis(100);
    /** The thread that checks and runs the jobs (tests leave its statements out of page statement counts). */
    public static final String THREAD_NAME = "cluster-jobs";

    private final EntityManager em;
    private final String instance = instanceName();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    public ClusterJobs(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs {@code work} once every {@code period} across all instances, first as soon as it is due. The work runs in
     * the transaction that claims the run and returns a figure for the record (rows it removed, say).
     */
    public void every(Duration period, String name, LongSupplier work) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into scheduled_job (name) values (?1) on conflict (name) do nothing")
                .setParameter(1, name).executeUpdate());
        long look = Math.max(SHORTEST_LOOK.toMillis(), Math.min(period.toMillis() / 4, LONGEST_LOOK.toMillis()));
        timer.scheduleWithFixedDelay(() -> runIfDue(name, period, work), 0, look, TimeUnit.MILLISECONDS);
    }

    private void runIfDue(String name, Duration period, LongSupplier work) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                boolean due = !em.createNativeQuery("""
                        select name from scheduled_job
                        where name = ?1 and last_started_at <= now() - make_interval(secs => ?2)
                        for update skip locked""")
                        .setParameter(1, name).setParameter(2, period.toMillis() / 1000.0).getResultList().isEmpty();
                if (due) {
                    long result = work.getAsLong();
                    em.createNativeQuery("""
                            update scheduled_job set last_started_at = now(), last_finished_at = clock_timestamp(),
                                   last_instance = ?1, last_result = ?2, runs = runs + 1
                            where name = ?3""")
                            .setParameter(1, instance).setParameter(2, result).setParameter(3, name).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // The database may be away for a while; the job is simply due again at the next look.
            LOG.warnf("Scheduled job %s did not run: %s", name, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}

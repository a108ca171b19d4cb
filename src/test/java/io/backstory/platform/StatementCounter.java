package io.backstory.platform;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.backstory.moderation.DeferredScreening;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts every SQL statement Hibernate sends (entity queries and native SQL alike); tests only. */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private final AtomicInteger count = new AtomicInteger();
    private final Queue<String> recorded = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        // Background work is not the page's: the mail worker polls its outbox and digests every second, each instance
        // looks which screening model version is in use, and the cluster jobs (platform/jobs) and the model's reading of
        // long texts (moderation/DeferredScreening) run on their own threads.
        boolean background = sql.contains("mail_outbox") || sql.contains("mail_digest") || sql.contains("screening_model_version")
                || Thread.currentThread().getName().startsWith(ClusterJobs.THREAD_NAME)
                || Thread.currentThread().getName().startsWith(DeferredScreening.THREAD_NAME);
        if (!background) {
            count.incrementAndGet();
            if (recording) {
                recorded.add(sql);
            }
        }
        return sql;
    }

    /** Statements sent while the action ran (the test's own requests only: tests run one at a time). */
    public int during(Runnable action) {
        int before = count.get();
        action.run();
        return count.get() - before;
    }

    /** The statements sent while the action ran, as sent (the test's own requests only: tests run one at a time). */
    public List<String> sentDuring(Runnable action) {
        recorded.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }
}

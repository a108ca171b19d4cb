package io.backstory.moderation;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.backstory.platform.Limits;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.db.NamedRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The screening model's part for long posts and comments, off the request thread: they were saved on the rules'
 * verdict ({@link ScreeningService#screenForSaving}) with a row in {@code deferred_screening}. Every instance looks for
 * such rows every {@code backstory.screening.deferred-poll}; a worker claims one ({@code FOR UPDATE SKIP LOCKED}, so no
 * two read the same text), screens the text as it is now, and applies what the model adds: a flag queues it for a
 * moderator, a red flag adds the urgent-care advice and queues it in the red-flag tab. It never holds: the writer was
 * told the text is public (for a long text the model's hold is a flag, {@link ScreeningService#screen}). A worker that
 * dies lets its row go back.
 */
@ApplicationScoped
public class DeferredScreening {

    private static final Logger LOG = Logger.getLogger(DeferredScreening.class);
    /** The worker's thread (tests leave its statements out of page statement counts). */
    public static final String THREAD_NAME = "deferred-screening";

    private record Waiting(long id, ReviewTarget target, long targetId) {
    }

    private record Content(String text, boolean deleted, List<String> conditions) {
    }

    private final EntityManager em;
    private final ScreeningService screening;
    private final ContentScreening content;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    private final ModeratedContent moderated;

    DeferredScreening(EntityManager em, ScreeningService screening, ContentScreening content, ModeratedContent moderated) {
        this.em = em;
        this.moderated = moderated;
        this.screening = screening;
        this.content = content;
    }

    void start(@Observes StartupEvent start, Limits limits) {
        Duration poll = limits.screening().deferredPoll();
        worker.scheduleWithFixedDelay(this::screenWaiting, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Screens every waiting text, one transaction each, until none waits. */
    void screenWaiting() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::screenNext)) {
                // next
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the rows wait for the next look.
            LOG.warnf("Deferred screening stopped for now: %s", e.getMessage());
        }
    }

    private boolean screenNext() {
        List<Waiting> waiting = NamedRow.all(em.createNativeQuery("""
                select id, post_id, comment_id from deferred_screening order by id limit 1 for update skip locked""",
                Tuple.class)).stream().map(r -> r.numberOrNull("post_id") != null
                        ? new Waiting(r.number("id"), ReviewTarget.POST, r.number("post_id"))
                        : new Waiting(r.number("id"), ReviewTarget.COMMENT, r.number("comment_id"))).toList();
        if (waiting.isEmpty()) {
            return false;
        }
        Waiting row = waiting.get(0);
        Content text = content(row);
        if (!text.deleted()) {
            apply(row, screening.screen(text.text(), text.conditions()));
        }
        em.createNativeQuery("delete from deferred_screening where id = ?1").setParameter(1, row.id()).executeUpdate();
        return true;
    }

    private void apply(Waiting row, ScreeningResult full) {
        List<ScreeningResult.Match> byModel = full.matches().stream()
                .filter(m -> ScreeningService.MODEL_RULE.equals(m.rule())).toList();
        if (byModel.isEmpty()) {
            return;
        }
        ScreeningAction verdict = byModel.stream().map(ScreeningResult.Match::action).max(Comparator.naturalOrder()).orElseThrow();
        List<String> urgentCare = byModel.stream().anyMatch(m -> m.category() == ScreeningCategory.RED_FLAG)
                ? List.of(ScreeningService.MODEL_RED_FLAG_NOTICE) : List.of();
        for (String advice : urgentCare) {
            moderated.addUrgentCare(row.target().kind(), row.targetId(), advice);
        }
        content.queueForReview(row.target() == ReviewTarget.POST ? row.targetId() : null,
                row.target() == ReviewTarget.COMMENT ? row.targetId() : null,
                new ScreeningResult(verdict, byModel, urgentCare, urgentCare));
        LOG.infof("The screening model read %s %d after it was saved: %s", row.target().noun(), row.targetId(), verdict);
    }

    private Content content(Waiting row) {
        String sql = row.target() == ReviewTarget.POST ? """
                select p.title || E'\\n\\n' || p.body_markdown as text, p.deleted,
                       (select string_agg(c.slug, ',') from post_condition pc join condition c on c.id = pc.condition_id
                        where pc.post_id = p.id) as conditions
                from post p where p.id = ?1""" : """
                select c.body_markdown as text, c.deleted,
                       (select string_agg(k.slug, ',') from post_condition pc join condition k on k.id = pc.condition_id
                        where pc.post_id = c.post_id) as conditions
                from comment c where c.id = ?1""";
        NamedRow r = NamedRow.all(em.createNativeQuery(sql, Tuple.class).setParameter(1, row.targetId())).get(0);
        return new Content(r.text("text"), r.bool("deleted"),
                r.text("conditions") == null ? List.of() : List.of(r.text("conditions").split(",")));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

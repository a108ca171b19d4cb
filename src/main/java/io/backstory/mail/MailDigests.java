package io.backstory.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Daily and weekly digests. A check (every instance runs it) queues one digest per member and period that ended,
 * for members with a working address and a topic at that frequency. The unique key on (member, frequency, period start)
 * makes the check idempotent: run twice, or on two instances at once, it queues each digest once. What a digest says
 * is decided when it is sent ({@link MailComposer#digest}).
 */
@ApplicationScoped
public class MailDigests {

    /** A period in UTC: days start at midnight, weeks on Monday. */
    record Period(Instant start, Instant end) {
    }

    private final EntityManager em;

    MailDigests(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${backstory.mail.digest-check}", delayed = "${backstory.mail.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void queueOnSchedule() {
        queueDigests(Instant.now());
    }

    /** Queues the digests of the periods that ended last before {@code now}; returns how many were new. */
    @Transactional
    public int queueDigests(Instant now) {
        int queued = 0;
        for (MailFrequency frequency : MailFrequency.values()) {
            if (frequency.isDigest()) {
                Period period = lastCompleted(frequency, now);
                queued += em.createNativeQuery("""
                        with due as (
                            insert into mail_digest (member_id, frequency, period_start, period_end)
                            select r.member_id, ?1, ?2, ?3 from mail_recipient r
                            where r.address is not null and r.stopped_at is null
                              and exists (select 1 from mail_choice c where c.member_id = r.member_id and c.frequency = ?1)
                            on conflict do nothing
                            returning id, member_id)
                        insert into mail_outbox (member_id, kind, digest_id) select member_id, ?4, id from due""")
                        .setParameter(1, frequency.name()).setParameter(4, OutboxKind.DIGEST.name()).setParameter(2, period.start()).setParameter(3, period.end())
                        .executeUpdate();
            }
        }
        return queued;
    }

    /** The last whole day or week (UTC) that ended at or before {@code now}. */
    static Period lastCompleted(MailFrequency frequency, Instant now) {
        Instant end = switch (frequency) {
            case DAILY -> now.truncatedTo(ChronoUnit.DAYS);
            case WEEKLY -> now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            default -> throw new IllegalArgumentException(frequency + " has no digest");
        };
        return new Period(end.minus(frequency.period), end);
    }
}

package io.backstory.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.backstory.notifications.NotificationsCreated;
import io.backstory.platform.Limits;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The outbox: mail is queued in the transaction of the event it tells about, so it is sent if and only if the event
 * committed, and sent by whichever instance claims it first. A worker claims one due row at a time with
 * {@code FOR UPDATE SKIP LOCKED} and keeps the lock while it sends, so no other worker can take the same row, and a
 * worker that dies mid-way lets its row go back to waiting. A refused address (5xx) stops mail to it; anything else is
 * retried later, each wait twice the one before.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    /** What became of one claimed row. */
    enum Attempt {
        NONE_DUE, SENT, DROPPED, REFUSED, RETRY_LATER,
        /** No SMTP answer at all (connection refused, timeout): the other due mail waits for the next round too. */
        SERVER_UNREACHABLE
    }

    private record Claimed(long id, long memberId, OutboxKind kind, Long notificationId, Long digestId, int attempts) {
    }

    private final EntityManager em;
    private final MailComposer composer;
    private final MailRecipients recipients;
    private final ReactiveMailer mailer;
    private final Duration retryFirst;
    private final Duration retryLongest;
    private final int maxAttempts;
    private final Duration sendTimeout;

    MailOutbox(EntityManager em, MailComposer composer, MailRecipients recipients, ReactiveMailer mailer, Limits limits) {
        this.em = em;
        this.composer = composer;
        this.recipients = recipients;
        this.mailer = mailer;
        this.retryFirst = limits.mail().retryFirst();
        this.retryLongest = limits.mail().retryLongest();
        this.maxAttempts = limits.mail().maxAttempts();
        this.sendTimeout = limits.mail().sendTimeout();
    }

    /** Queues the mails of new notifications for members who chose to hear about their topic at once. */
    void queueNotifications(@Observes NotificationsCreated created) {
        MailTopic.of(created.kind()).ifPresent(topic -> em.createNativeQuery("""
                insert into mail_outbox (member_id, kind, notification_id)
                select n.member_id, ?3, n.id from notification n
                join mail_choice c on c.member_id = n.member_id and c.topic = ?1 and c.frequency = ?4
                join mail_recipient r on r.member_id = n.member_id and r.address is not null and r.stopped_at is null
                where n.id in (?2)""").setParameter(1, topic.name()).setParameter(2, created.ids())
                .setParameter(3, OutboxKind.NOTIFICATION.name()).setParameter(4, MailFrequency.AT_ONCE.name()).executeUpdate());
    }

    @Scheduled(every = "${backstory.mail.poll}", delayed = "${backstory.mail.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueOnSchedule() {
        sendDue();
    }

    /**
     * Sends every due mail, one transaction each, until none is due or the mail server cannot be reached (the rest
     * waits for the next round). Safe to run on any number of threads and instances at once. Returns how many were sent.
     */
    public int sendDue() {
        int sent = 0;
        while (true) {
            Attempt attempt = QuarkusTransaction.requiringNew().call(this::sendNext);
            if (attempt == Attempt.SENT) {
                sent++;
            } else if (attempt == Attempt.NONE_DUE || attempt == Attempt.SERVER_UNREACHABLE) {
                return sent;
            }
        }
    }

    private Attempt sendNext() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select id, member_id as member, kind, notification_id as notification, digest_id as digest, attempts
                from mail_outbox where status = ?1 and next_attempt_at <= now()
                order by next_attempt_at, id limit 1 for update skip locked""", Tuple.class)
                .setParameter(1, OutboxStatus.PENDING.name()).getResultList();
        if (rows.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        Tuple row = rows.get(0);
        Claimed claimed = new Claimed(row.get("id", Number.class).longValue(), row.get("member", Number.class).longValue(),
                OutboxKind.valueOf(row.get("kind", String.class)), nullableLong(row.get("notification")),
                nullableLong(row.get("digest")), row.get("attempts", Number.class).intValue());
        Optional<Mail> mail;
        try {
            mail = compose(claimed);
        } catch (RuntimeException e) {
            LOG.error("Could not put mail " + claimed.id + " together", e);
            return failed(claimed, null, e);
        }
        if (mail.isEmpty()) {
            finish(claimed.id, OutboxStatus.DROPPED, null);
            return Attempt.DROPPED;
        }
        try {
            mailer.send(mail.get()).await().atMost(sendTimeout);
            finish(claimed.id, OutboxStatus.SENT, null);
            return Attempt.SENT;
        } catch (RuntimeException e) {
            return failed(claimed, mail.get().getTo().get(0), e);
        }
    }

    private Optional<Mail> compose(Claimed row) {
        return switch (row.kind) {
            case NOTIFICATION -> recipients.recipient(row.memberId).flatMap(to -> composer.notification(row.memberId, to, row.notificationId));
            case DIGEST -> recipients.recipient(row.memberId).flatMap(to -> composer.digest(row.memberId, to, row.digestId));
            case ADDRESS_CHECK -> recipients.pendingAddress(row.memberId)
                    .flatMap(address -> recipients.handle(row.memberId).map(handle -> composer.addressCheck(row.memberId, address, handle)));
        };
    }

    private Attempt failed(Claimed row, String address, RuntimeException e) {
        Optional<SMTPException> smtp = smtpCause(e);
        String error = MailRecipients.shortened(smtp.map(s -> s.getReplyCode() + " " + s.getReplyMessage())
                .orElseGet(() -> String.valueOf(rootCause(e))), 500);
        if (smtp.isPresent() && smtp.get().isPermanent() && address != null) {
            LOG.infof("Mail %d refused for good: %s", row.id, error);
            finish(row.id, OutboxStatus.FAILED, error);
            if (row.kind != OutboxKind.ADDRESS_CHECK) {
                recipients.stop(row.memberId, address, "The mail server refused it: " + error);
            }
            return Attempt.REFUSED;
        }
        int attempts = row.attempts + 1;
        if (attempts >= maxAttempts) {
            LOG.warnf("Mail %d given up after %d attempts: %s", row.id, attempts, error);
            finish(row.id, OutboxStatus.FAILED, error);
            return Attempt.REFUSED;
        }
        Duration wait = backoff(attempts, retryFirst, retryLongest);
        LOG.infof("Mail %d not sent (attempt %d, next in %s): %s", row.id, attempts, wait, error);
        em.createNativeQuery("""
                update mail_outbox set attempts = ?2, last_error = ?3,
                       next_attempt_at = now() + make_interval(secs => ?4) where id = ?1""")
                .setParameter(1, row.id).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, wait.toMillis() / 1000.0).executeUpdate();
        return smtp.isPresent() ? Attempt.RETRY_LATER : Attempt.SERVER_UNREACHABLE;
    }

    /** The wait before attempt {@code attempts + 1}: {@code first}, then twice as long each time, never over {@code longest}. */
    static Duration backoff(int attempts, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** The row's last attempt; a mail sent after failures keeps the last failure, which explains its extra attempts. */
    private void finish(long id, OutboxStatus status, String error) {
        em.createNativeQuery("""
                update mail_outbox set status = ?2, last_error = coalesce(?3, last_error), attempts = attempts + 1,
                       sent_at = case when ?4 then now() end where id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, error)
                .setParameter(4, status == OutboxStatus.SENT).executeUpdate();
    }

    /** The SMTP reply behind a failure, if the server answered at all (not for a refused connection or a timeout). */
    static Optional<SMTPException> smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return Optional.of(smtp);
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}

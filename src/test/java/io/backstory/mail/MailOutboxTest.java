package io.backstory.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The outbox against a real SMTP server: workers racing over one outbox (two threads with their own transactions, plus
 * the scheduled worker) send each mail exactly once, counted at the server; while the server is down mail waits and is
 * retried with growing pauses, and once it is back every mail arrives, once.
 */
@QuarkusTest
class MailOutboxTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String mailcrowd = TestUsers.newMember();

    @Inject
    MailOutbox outbox;
    @Inject
    DataSource dataSource;

    @Test
    void twoWorkersOverOneOutboxSendEachMailExactlyOnce() throws Exception {
        Mailbox box = Mailbox.confirmed(mailcrowd, MailFrequency.AT_ONCE);
        int mails = 300;
        String tag = "Crowd " + System.nanoTime();
        queueReplies(box, tag, mails);

        ExecutorService workers = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> sent = workers.invokeAll(List.<Callable<Integer>>of(outbox::sendDue, outbox::sendDue));
            int byTheseTwo = sent.get(0).get() + sent.get(1).get();
            List<Mailbox.Received> received = box.awaitCount(m -> m.text().contains(tag), mails, Duration.ofSeconds(60));
            Mailbox.sleep(Duration.ofSeconds(2));
            received = box.received(m -> m.text().contains(tag));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Outbox: %d mails sent by two workers and the scheduler in %.1f s (%d by the two workers: %d and %d)%n",
                    received.size(), seconds, byTheseTwo, sent.get(0).get(), sent.get(1).get());
            assertEquals(mails, received.size(), "each mail arrives, and only once");
            Map<String, Long> perText = received.stream().collect(Collectors.groupingBy(m -> line(m.text(), tag), Collectors.counting()));
            assertEquals(mails, perText.size(), "every queued mail is among them");
            assertTrue(perText.values().stream().allMatch(count -> count == 1), "no mail twice");
            assertEquals(Map.of("SENT", (long) mails), statuses(box, tag), "every row sent once");
            // One attempt each, unless an attempt failed (a send timing out on a loaded machine) and was recorded:
            // a row two workers both took would show an extra attempt with no failure behind it.
            assertEquals(0, (long) count("""
                    select count(*) from mail_outbox o join notification n on n.id = o.notification_id
                    where n.text like ? and (o.attempts < 1 or o.attempts > 1 and o.last_error is null)""", tag + "%"),
                    "each with a single attempt, or more after a recorded failure");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void anSmtpOutageDelaysMailAndLosesNone() throws Exception {
        Mailbox box = Mailbox.confirmed(mailcrowd, MailFrequency.AT_ONCE);
        String tag = "Outage " + System.nanoTime();
        int mails = 8;
        long stoppedAt = System.nanoTime();
        TestMailServer.stopServer();
        try {
            queueReplies(box, tag, mails);
            // The scheduled worker keeps trying, one mail a round while the server does not answer: each failed
            // attempt is recorded and the next one waits longer.
            String tried = "select count(*) from mail_outbox o join notification n on n.id = o.notification_id "
                    + "where n.text like ? and o.last_error like '%Connection refused%' and o.attempts >= ";
            long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while ((count(tried + 1, tag + "%") < mails || count(tried + 2, tag + "%") == 0) && System.nanoTime() < until) {
                Mailbox.sleep(Duration.ofMillis(200));
            }
            assertEquals(mails, count(tried + 1, tag + "%"), "every mail was tried while the server was down");
            assertTrue(count(tried + 2, tag + "%") > 0, "and tried again");
            assertEquals(0, box.received(m -> m.text().contains(tag)).size());
            assertEquals(Map.of("PENDING", (long) mails), statuses(box, tag), "none given up, none lost");
        } finally {
            TestMailServer.startServer();
        }
        long restartedAt = System.nanoTime();
        List<Mailbox.Received> received = box.awaitCount(m -> m.text().contains(tag), mails, Duration.ofSeconds(30));
        double afterRestart = (System.nanoTime() - restartedAt) / 1e9;
        Mailbox.sleep(Duration.ofSeconds(2));
        received = box.received(m -> m.text().contains(tag));
        System.out.printf("SMTP outage: down %.1f s; all %d mails arrived %.1f s after the server was back%n",
                (restartedAt - stoppedAt) / 1e9, received.size(), afterRestart);
        assertEquals(mails, received.size(), "every mail arrives once the server is back, once");
        assertEquals(mails, received.stream().map(m -> line(m.text(), tag)).distinct().count());
        assertEquals(Map.of("SENT", (long) mails), statuses(box, tag));
    }

    /**
     * {@code count} replies to the member at once, as notifications with their queued mail in one transaction (what
     * NotificationService and the mail observer write for each reply; writing them directly keeps the test quick).
     */
    private void queueReplies(Mailbox box, String tag, int count) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    with member_row as (select id from member where oidc_subject = ?),
                    written as (
                        insert into notification (kind, member_id, text, link)
                        select 'REPLY', m.id, ? || ' reply number ' || g, '/posts/1' from member_row m, generate_series(1, ?) g
                        returning id, member_id)
                    insert into mail_outbox (member_id, kind, notification_id) select member_id, 'NOTIFICATION', id from written""")) {
                statement.setString(1, box.user);
                statement.setString(2, tag);
                statement.setInt(3, count);
                assertEquals(count, statement.executeUpdate());
            }
            connection.commit();
        }
    }

    private Map<String, Long> statuses(Mailbox box, String tag) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select o.status, count(*) from mail_outbox o join notification n on n.id = o.notification_id
                where n.text like ? group by o.status""")) {
            statement.setString(1, tag + "%");
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, Long> statuses = new java.util.TreeMap<>();
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getLong(2));
                }
                return statuses;
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String line(String text, String tag) {
        return text.lines().filter(l -> l.contains(tag)).findFirst().orElseThrow();
    }

}

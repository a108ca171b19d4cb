package io.backstory.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** The outbox's, the digests' and the links' rules, without a server (plain JUnit). */
class MailRulesTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
        Duration first = Duration.ofMinutes(1);
        Duration longest = Duration.ofHours(6);
        assertEquals(Duration.ofMinutes(1), MailOutbox.backoff(1, first, longest));
        assertEquals(Duration.ofMinutes(2), MailOutbox.backoff(2, first, longest));
        assertEquals(Duration.ofMinutes(32), MailOutbox.backoff(6, first, longest));
        assertEquals(Duration.ofHours(6), MailOutbox.backoff(10, first, longest));
        assertEquals(Duration.ofHours(6), MailOutbox.backoff(500, first, longest), "no overflow");
    }

    @Test
    void aRefusalForGoodIsToldApartFromATemporaryOne() {
        SMTPException refused = new SMTPException("550 no such user", 550, List.of("no such user"), false);
        SMTPException busy = new SMTPException("451 try later", 451, List.of("try later"), false);
        assertTrue(MailOutbox.smtpCause(new CompletionException(refused)).orElseThrow().isPermanent());
        assertFalse(MailOutbox.smtpCause(new RuntimeException(busy)).orElseThrow().isPermanent());
        assertTrue(MailOutbox.smtpCause(new RuntimeException(new java.net.ConnectException("refused"))).isEmpty(),
                "no SMTP answer at all: the server is unreachable, so it is retried");
    }

    @Test
    void digestsCoverTheLastWholeDayOrWeekInUtc() {
        Instant wednesdayMorning = Instant.parse("2026-12-02T03:15:00Z");
        assertEquals(new MailDigests.Period(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z")),
                MailDigests.lastCompleted(MailFrequency.DAILY, wednesdayMorning));
        assertEquals(new MailDigests.Period(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")),
                MailDigests.lastCompleted(MailFrequency.WEEKLY, wednesdayMorning));
        Instant mondayMidnight = Instant.parse("2026-11-30T00:00:00Z");
        assertEquals(mondayMidnight, MailDigests.lastCompleted(MailFrequency.WEEKLY, mondayMidnight).end());
    }

    @Test
    void signedLinksCannotBeAlteredAndAddressLinksExpire() {
        MailLinks links = new MailLinks("https://forum.example/", "a secret of the installation");
        String unsubscribe = links.unsubscribe(42, "REPLIES");
        assertTrue(unsubscribe.startsWith("https://forum.example/mail/unsubscribe?member=42&what=REPLIES&sig="), unsubscribe);
        String sig = Mailbox.query(unsubscribe).get("sig");
        assertTrue(links.validUnsubscribe(42, "REPLIES", sig));
        assertFalse(links.validUnsubscribe(43, "REPLIES", sig), "another member");
        assertFalse(links.validUnsubscribe(42, "MODERATION", sig), "another topic");
        assertFalse(new MailLinks("https://forum.example", "another secret").validUnsubscribe(42, "REPLIES", sig));

        Instant until = Instant.parse("2026-12-03T00:00:00Z");
        String confirm = links.confirmAddress(7, "me@mail.test", until);
        String confirmSig = Mailbox.query(confirm).get("sig");
        long untilSeconds = Long.parseLong(Mailbox.query(confirm).get("until"));
        assertTrue(links.validAddressConfirmation(7, "me@mail.test", untilSeconds, confirmSig, until.minusSeconds(60)));
        assertFalse(links.validAddressConfirmation(7, "me@mail.test", untilSeconds, confirmSig, until.plusSeconds(1)), "expired");
        assertFalse(links.validAddressConfirmation(7, "other@mail.test", untilSeconds, confirmSig, until.minusSeconds(60)),
                "an address entered later");
        assertFalse(links.validAddressConfirmation(7, "me@mail.test", untilSeconds + 86400, confirmSig, until.minusSeconds(60)),
                "a longer validity written in by hand");
    }

    @Test
    void formFieldsAreNamedAfterTheirTopics() {
        assertEquals("acceptedAnswers", MailTopic.ACCEPTED_ANSWERS.field());
        assertEquals("replies", MailTopic.REPLIES.field());
    }
}

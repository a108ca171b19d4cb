package io.backstory.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Reading delivery reports as mail servers write them (the files in src/test/resources/mail), without the app. */
class DeliveryReportsTest {

    private static final String ADDRESS = "no.such.member@example.net";

    @Test
    void aPostfixBounceGivesUpOnItsRecipientWithTheServersReason() throws Exception {
        MimeMessage bounce = message("postfix-bounce.eml");
        assertTrue(DeliveryReports.isDeliveryReport(bounce));
        List<DeliveryReports.PermanentFailure> failures = DeliveryReports.permanentFailures(bounce);
        assertEquals(1, failures.size(), failures.toString());
        DeliveryReports.PermanentFailure failure = failures.get(0);
        assertEquals(ADDRESS, failure.address());
        assertEquals("5.1.1", failure.status());
        assertEquals("550 5.1.1 <" + ADDRESS + ">: Recipient address rejected: User unknown in virtual mailbox table",
                failure.diagnostic());
        assertTrue(failure.reason().contains("status 5.1.1"), failure.reason());
    }

    @Test
    void aDelayNoticeIsAReportThatStopsNothing() throws Exception {
        MimeMessage delay = message("delay-notice.eml");
        assertTrue(DeliveryReports.isDeliveryReport(delay));
        assertEquals(List.of(), DeliveryReports.permanentFailures(delay));
    }

    @Test
    void anOutOfOfficeReplyIsNoReportEvenWhenItsTextLooksLikeOne() throws Exception {
        MimeMessage reply = message("out-of-office.eml");
        assertFalse(DeliveryReports.isDeliveryReport(reply));
        assertEquals(List.of(), DeliveryReports.permanentFailures(reply));
    }

    @Test
    void recipientFieldsGiveTheirAddressOnlyForMailAddressTypes() {
        assertEquals("a@example.org", DeliveryReports.address("rfc822; a@example.org"));
        assertEquals("a@example.org", DeliveryReports.address("RFC822;<a@example.org>"));
        assertEquals("a@example.org", DeliveryReports.address("a@example.org"));
        assertNull(DeliveryReports.address("x400; /G=a/S=b/O=c/"));
        assertNull(DeliveryReports.address("rfc822; postmaster"));
        assertNull(DeliveryReports.address(null));
    }

    /** A fixture with its placeholder address filled in, parsed as a mail client would. */
    static MimeMessage message(String file) throws IOException, MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(fixture(file, ADDRESS).getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of a fixture in src/test/resources/mail with {@code address} as the recipient it is about. */
    static String fixture(String file, String address) throws IOException {
        try (InputStream in = DeliveryReportsTest.class.getResourceAsStream("/mail/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${address}", address);
        }
    }
}

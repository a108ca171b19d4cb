package io.backstory.mail;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * Bounces that come later: a mail server that accepted our mail sends a delivery report to the bounce address; the
 * app reads that mailbox over IMAP (the test mail server's), and mail to the address stops.
 */
@QuarkusTest
class MailBouncesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String carol = TestUsers.newMember();
    private final String bounced = TestUsers.newMember();

    @Inject
    MailBounces bounces;

    @Test
    void aReportThatGivesUpOnAnAddressStopsMailToItTellsTheMemberAndLeavesOtherMailAlone() throws Exception {
        Mailbox box = Mailbox.confirmed(bounced, MailFrequency.AT_ONCE);
        MimeMessage check = TestMailServer.to(box.address).get(0);
        assertEquals("<" + TestMailServer.BOUNCE_ADDRESS + ">", check.getHeader("Return-Path")[0],
                "mail goes out with the bounce address as its envelope sender, so reports come back there");

        // A delay notice and an out-of-office reply about the same address stop nothing.
        TestMailServer.deliver(DeliveryReportsTest.fixture("delay-notice.eml", box.address));
        TestMailServer.deliver(DeliveryReportsTest.fixture("out-of-office.eml", box.address));
        assertEquals(0, bounces.readBounces());
        assertFalse(mailSettings().contains("has stopped"), "no stop after a delay or an auto-reply");

        // The report names the address as the far server wrote it: its domain in capitals.
        String[] parts = box.address.split("@");
        TestMailServer.deliver(DeliveryReportsTest.fixture("postfix-bounce.eml", parts[0] + "@" + parts[1].toUpperCase(Locale.ROOT)));
        assertEquals(1, bounces.readBounces(), "one member's mail stopped");
        String settings = mailSettings();
        assertTrue(settings.contains("Mail to " + box.address + " has stopped."), settings);
        assertTrue(settings.contains("status 5.1.1") && settings.contains("User unknown"), settings);

        assertEquals(List.of("Automatic reply: Someone replied to you on Backstory"), leftInBounceMailbox(box.address),
                "the reports are deleted once read; other mail stays for a person to see");
        assertEquals(0, bounces.readBounces(), "a report is read once");

        long post = box.write("TIP", "Bounced away " + System.nanoTime(), "Walking helped me.", "sciatica");
        Mailbox.comment(carol, post, "Walking helped me too.");
        Mailbox.sleep(Duration.ofSeconds(3));
        assertEquals(List.of(), box.received(m -> m.subject().startsWith("Someone replied")), "no more mail to a stopped address");

        // Confirming an address again starts mail again.
        Mailbox again = Mailbox.confirmed(bounced, MailFrequency.AT_ONCE);
        assertFalse(mailSettings().contains("has stopped"));
        Mailbox.comment(carol, post, "And swimming, later on.");
        again.awaitOne(m -> m.subject().startsWith("Someone replied"));
    }

    private String mailSettings() {
        return Jsoup.parse(as(bounced).when().get("/settings/mail").then().statusCode(200).extract().asString()).text();
    }

    /** Subjects of what is still in the bounce mailbox about {@code address}. */
    private static List<String> leftInBounceMailbox(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : TestMailServer.to(TestMailServer.BOUNCE_ADDRESS)) {
            String text = new String(message.getRawInputStream().readAllBytes()).toLowerCase(Locale.ROOT);
            if (text.contains(address.toLowerCase(Locale.ROOT))) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}

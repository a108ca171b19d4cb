package io.backstory.mail;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.backstory.platform.Limits;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.search.FlagTerm;
import jakarta.transaction.Transactional;

/**
 * Bounces that come later. A mail server that accepted a mail and then could not deliver it sends a delivery report
 * to the mail's bounce address ({@code quarkus.mailer.bounce-address}). When {@code backstory.mail.bounces.mailbox}
 * names that address's mailbox (an IMAP URL), one instance at a time reads its unread messages every
 * {@code backstory.mail.bounces.check-every}: each address a report gives up on for good stops getting mail, as an
 * address refused at sending does ({@link MailOutbox}), and the report is deleted. Other mail there is left, read.
 */
@ApplicationScoped
public class MailBounces {

    private static final Logger LOG = Logger.getLogger(MailBounces.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final MailRecipients recipients;
    private final Optional<String> mailbox;

    MailBounces(MailRecipients recipients, @ConfigProperty(name = "backstory.mail.bounces.mailbox") Optional<String> mailbox) {
        this.recipients = recipients;
        this.mailbox = mailbox;
    }

    void schedule(@Observes StartupEvent start, ClusterJobs jobs, Limits limits) {
        if (mailbox.isPresent()) {
            jobs.every(limits.mail().bounces().checkEvery(), "mail-bounces", this::readBounces);
        } else {
            LOG.info("No bounce mailbox (backstory.mail.bounces.mailbox): only addresses refused while sending stop mail");
        }
    }

    /**
     * Reads the bounce mailbox's unread messages once; returns how many addresses it stopped. The addresses stop in the
     * caller's transaction; a report is deleted from the mailbox when the folder closes, after they were stopped.
     */
    @Transactional
    public long readBounces() {
        URLName url = new URLName(mailbox.orElseThrow(() -> new IllegalStateException("no bounce mailbox configured")));
        Properties timeouts = new Properties();
        for (String protocol : List.of("imap", "imaps")) {
            timeouts.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
            timeouts.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        }
        long stopped = 0;
        try (Store store = Session.getInstance(timeouts).getStore(url)) {
            store.connect();
            Folder folder = store.getFolder(url.getFile() == null || url.getFile().isBlank() ? "INBOX" : url.getFile());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    stopped += read(message);
                }
            } finally {
                folder.close(true);
            }
        } catch (MessagingException e) {
            // Another round comes; the reports stay unread until one gets through.
            LOG.warnf("Could not read the bounce mailbox %s://%s: %s", url.getProtocol(), url.getHost(), e.getMessage());
        }
        return stopped;
    }

    private long read(Message message) throws MessagingException {
        try {
            long stopped = 0;
            for (DeliveryReports.PermanentFailure failure : DeliveryReports.permanentFailures(message)) {
                int members = recipients.stopAddress(failure.address(), failure.reason());
                LOG.infof("A delivery report gave up on an address (%s): mail stopped for %d member(s)", failure.status(), members);
                stopped += members;
            }
            boolean report = DeliveryReports.isDeliveryReport(message);
            message.setFlag(Flags.Flag.SEEN, true);
            message.setFlag(Flags.Flag.DELETED, report);
            return stopped;
        } catch (IOException e) {
            // A report that cannot be read is marked read and kept for a person to look at.
            LOG.warnf("Could not read message %d of the bounce mailbox: %s", message.getMessageNumber(), e.getMessage());
            message.setFlag(Flags.Flag.SEEN, true);
            return 0;
        }
    }
}

package io.backstory.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One real mail server (GreenMail) for the whole test run, which the application's mailer sends to (global scope, like
 * the database). It also holds the bounce mailbox the application reads over IMAP ({@link MailBounces}). Outage tests
 * stop it and start it again on the same ports ({@link #stopServer()}, {@link #startServer()}); a restarted server
 * starts with empty mailboxes.
 */
@QuarkusTestResource(value = TestMailServer.class, restrictToAnnotatedClass = false)
public class TestMailServer implements QuarkusTestResourceLifecycleManager {

    /** The envelope sender of every mail the application sends (quarkus.mailer.bounce-address in the test profile). */
    static final String BOUNCE_ADDRESS = "bounces@backstory.invalid";
    private static final String BOUNCE_LOGIN = "bounces";
    private static final String BOUNCE_PASSWORD = "bounce-secret";

    private static int smtpPort;
    private static int imapPort;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        smtpPort = freePort();
        imapPort = freePort();
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(smtpPort),
                "backstory.mail.bounces.mailbox",
                "imap://" + BOUNCE_LOGIN + ":" + BOUNCE_PASSWORD + "@127.0.0.1:" + imapPort + "/INBOX");
    }

    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        server.setUser(BOUNCE_ADDRESS, BOUNCE_LOGIN, BOUNCE_PASSWORD);
        server.start();
    }

    public static synchronized void stopServer() {
        server.stop();
    }

    /** Every message received since the server (re)started that went to {@code address} and is still there. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Sends a whole message (headers and body, as a mail server writes it) to the server over SMTP, to its To addresses. */
    static void deliver(String raw) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(smtpPort));
        Transport.send(new MimeMessage(Session.getInstance(smtp), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}

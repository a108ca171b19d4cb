package io.backstory.mail;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;

/**
 * Dev mode only: a real SMTP server (GreenMail) in the JVM, which the mailer sends to, so the outbox, retries and
 * templates run as in production and every mail can be read at {@code /dev-mail}. GreenMail is a {@code provided}
 * dependency and this bean exists only in the dev build, so production packages hold neither. Mail lives in memory:
 * a live reload restarts the server and forgets what was sent.
 */
@IfBuildProfile("dev")
@Startup
@ApplicationScoped
public class DevMailServer {

    private static final Logger LOG = Logger.getLogger(DevMailServer.class);

    private final GreenMail server;

    DevMailServer(@ConfigProperty(name = "quarkus.mailer.port") int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LOG.infof("Dev mail: SMTP server on 127.0.0.1:%d, mail readable at /dev-mail", port);
    }

    MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    @PreDestroy
    void stop() {
        server.stop();
    }
}

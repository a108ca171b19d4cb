package io.backstory.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Dev mode only: {@code /dev-mail} lists what the dev SMTP server received, newest first, with both parts. */
@IfBuildProfile("dev")
@Path("/dev-mail")
@Produces(MediaType.TEXT_HTML)
public class DevMailPages {

    /** One received mail as the page shows it. */
    record ReceivedMail(String to, String subject, String sent, String unsubscribe, String text, String html) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devMail(List<ReceivedMail> mails);
    }

    private final DevMailServer server;

    DevMailPages(DevMailServer server) {
        this.server = server;
    }

    @GET
    public TemplateInstance list() throws MessagingException, IOException {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : server.received()) {
            String[] unsubscribe = message.getHeader("List-Unsubscribe");
            mails.add(0, new ReceivedMail(String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                    message.getSubject(), String.valueOf(message.getSentDate()), unsubscribe == null ? "" : unsubscribe[0],
                    MailParts.ofType(message, "text/plain"), MailParts.ofType(message, "text/html")));
        }
        return Templates.devMail(mails);
    }
}

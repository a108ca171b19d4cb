package io.backstory.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.backstory.accounts.CurrentMember;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.web.FieldErrors;
import io.backstory.platform.web.FormSubmission;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The member's mail settings, and the pages behind the links in mail (which work without logging in). The one-click
 * unsubscribe itself (POST) is {@link OneClickUnsubscribe}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MailPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(MailRecipients.MailSettings settings, List<MailFrequency> frequencies,
                String address, FieldErrors errors, boolean linkSent, boolean saved);

        static native TemplateInstance unsubscribe(long member, String what, String sig, String label);

        static native TemplateInstance unsubscribed(String label);

        static native TemplateInstance verify(long member, long until, String sig);

        static native TemplateInstance verified(String address);
    }

    private final MailRecipients recipients;
    private final MailLinks links;
    private final CurrentMember viewer;

    public MailPages(MailRecipients recipients, MailLinks links, CurrentMember viewer) {
        this.recipients = recipients;
        this.links = links;
        this.viewer = viewer;
    }

    @GET
    @Path("settings/mail")
    @Authenticated
    public TemplateInstance settings(@QueryParam("sent") boolean linkSent, @QueryParam("saved") boolean saved) {
        return settingsPage(null, FieldErrors.NONE, linkSent, saved);
    }

    @POST
    @Path("settings/mail/choices")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(MultivaluedMap<String, String> form) {
        return FormSubmission.submit(MailTopic.REPLIES.field(), () -> {
            recipients.choose(viewer.id(), frequencies(form));
            return Response.seeOther(URI.create("/settings/mail?saved=true")).build();
        }, refusal -> settingsPage(null, refusal.errors(), false, false));
    }

    @POST
    @Path("settings/mail/address")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAddress(@FormParam("address") String address) {
        return FormSubmission.submit("address", () -> {
            recipients.requestAddress(viewer.get(), address);
            return Response.seeOther(URI.create("/settings/mail?sent=true")).build();
        }, refusal -> settingsPage(address, refusal.errors(), false, false));
    }

    /** The page a mail's unsubscribe link opens: it says what stops, and a button confirms (the POST). */
    @GET
    @Path("mail/unsubscribe")
    public TemplateInstance unsubscribe(@QueryParam("member") long member, @QueryParam("what") String what,
            @QueryParam("sig") String sig) {
        if (what == null || !links.validUnsubscribe(member, what, sig)) {
            throw MailLinks.invalidUnsubscribeLink();
        }
        return Templates.unsubscribe(member, what, sig, label(what));
    }

    @GET
    @Path("mail/unsubscribed")
    public TemplateInstance unsubscribed(@QueryParam("what") String what) {
        return Templates.unsubscribed(label(what));
    }

    /** The page an address confirmation link opens; the button confirms. */
    @GET
    @Path("mail/verify")
    public TemplateInstance verify(@QueryParam("member") long member, @QueryParam("until") long until,
            @QueryParam("sig") String sig) {
        return Templates.verify(member, until, sig);
    }

    @POST
    @Path("mail/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance confirmAddress(@FormParam("member") long member, @FormParam("until") long until,
            @FormParam("sig") String sig) {
        return Templates.verified(recipients.confirmAddress(member, until, sig, links));
    }

    private TemplateInstance settingsPage(String enteredAddress, FieldErrors errors, boolean linkSent, boolean saved) {
        MailRecipients.MailSettings settings = recipients.settings(viewer.id());
        return Templates.settings(settings, Arrays.asList(MailFrequency.values()),
                enteredAddress != null ? enteredAddress : settings.pendingAddress() != null ? settings.pendingAddress()
                        : settings.address(), errors, linkSent, saved);
    }

    /** Each topic's choice from the form; invalid input naming the field for a value the form never offers. */
    private static Map<MailTopic, MailFrequency> frequencies(MultivaluedMap<String, String> form) {
        Map<MailTopic, MailFrequency> chosen = new EnumMap<>(MailTopic.class);
        List<FieldError> errors = new ArrayList<>();
        for (MailTopic topic : MailTopic.values()) {
            String value = form.getFirst(topic.field());
            MailFrequency frequency = value == null ? null
                    : Arrays.stream(MailFrequency.values()).filter(f -> f.name().equals(value)).findFirst().orElse(null);
            if (frequency == null) {
                errors.add(new FieldError(topic.field(), "choose never, at once, once a day or once a week"));
            } else {
                chosen.put(topic, frequency);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return chosen;
    }

    /** What an unsubscribe scope stops, in words. */
    private static String label(String what) {
        for (MailTopic topic : MailTopic.values()) {
            if (topic.name().equals(what)) {
                return "mail about \"" + topic.label + "\"";
            }
        }
        return "WEEKLY".equals(what) ? "the weekly digest" : "DAILY".equals(what) ? "the daily digest" : "this mail";
    }
}

package io.backstory.mail;

import io.backstory.platform.api.ProblemMappers;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.InvalidLinkException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /mail/unsubscribe?member=..&what=..&sig=..}: the one-click unsubscribe of RFC 8058, which mail providers
 * send without cookies (body {@code List-Unsubscribe=One-Click}), and the button on the confirmation page. The link's
 * signature is its whole authority, so this is a plain route outside the page forms' CSRF checks (which would refuse a
 * form without the session's token); it reads no body and changes nothing but the signed member's choice.
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    private final MailRecipients recipients;
    private final MailLinks links;

    OneClickUnsubscribe(MailRecipients recipients, MailLinks links) {
        this.recipients = recipients;
        this.links = links;
    }

    void register(@Observes Router router) {
        router.post("/mail/unsubscribe").order(-1).blockingHandler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext routing) {
        String what = routing.request().getParam("what");
        try {
            recipients.unsubscribe(Long.parseLong(routing.request().getParam("member", "0")), what,
                    routing.request().getParam("sig"), links);
            routing.response().setStatusCode(303).putHeader("Location", "/mail/unsubscribed?what=" + what).end();
        } catch (DomainException | NumberFormatException e) {
            InvalidLinkException refusal = MailLinks.invalidUnsubscribeLink();
            routing.response().setStatusCode(ProblemMappers.status(refusal.kind()))
                    .putHeader("Content-Type", "text/plain; charset=UTF-8").end(refusal.reason());
        }
    }
}

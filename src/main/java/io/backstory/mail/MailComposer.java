package io.backstory.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.backstory.following.FollowingService.FollowedPost;
import io.backstory.following.FollowingService;
import io.backstory.notifications.NotificationKind;
import io.backstory.notifications.NotificationService.Delivery;
import io.backstory.notifications.NotificationService;
import io.backstory.platform.Limits;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * Puts each mail together when it is sent, from what its reader may see at that moment: a post held or hidden since
 * the event is not mentioned, a choice changed since is respected. Every mail has a plain-text and an HTML part from
 * the same type-safe templates, greets the member by handle, names other members by handle only, and (but for the
 * address check) carries a one-click unsubscribe link (RFC 8058).
 */
@ApplicationScoped
class MailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    /** One notice in a digest. */
    record DigestNotice(String text, String link) {
    }

    /** A digest's new post, with its absolute link. */
    record DigestPost(FollowedPost post, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notification(String handle, String text, String link, String topic,
                String unsubscribe, String settings);

        static native TemplateInstance digest(String handle, String period, List<DigestPost> posts,
                List<DigestNotice> notices, String unsubscribe, String settings);

        static native TemplateInstance addressCheck(String handle, String link, String until);
    }

    private static final Map<NotificationKind, String> SUBJECTS = Map.of(
            NotificationKind.REPLY, "Someone replied to you on Backstory",
            NotificationKind.ANSWER_ACCEPTED, "Your answer helped someone on Backstory",
            NotificationKind.MODERATION, "A moderator looked at what you wrote on Backstory",
            NotificationKind.NEW_POST, "A new post in a condition you follow on Backstory",
            NotificationKind.MENTION, "Someone mentioned you on Backstory");

    /** Kinds mailed only while their post is public: told because of the post, not because of the member's own writing. */
    private static final Set<NotificationKind> WHILE_PUBLIC = EnumSet.of(NotificationKind.NEW_POST, NotificationKind.MENTION);

    private final NotificationService notifications;
    private final FollowingService following;
    private final MailRecipients recipients;
    private final MailLinks links;
    private final EntityManager em;

    /** Posts in one digest at most. */
    private final int digestPosts;
    /** How long an address confirmation link works. */
    private final Duration addressLinkValidFor;

    MailComposer(NotificationService notifications, FollowingService following, MailRecipients recipients, MailLinks links,
            EntityManager em, Limits limits) {
        this.digestPosts = limits.mail().digestPosts();
        this.addressLinkValidFor = limits.mail().addressLinkValidFor();
        this.notifications = notifications;
        this.following = following;
        this.recipients = recipients;
        this.links = links;
        this.em = em;
    }

    /** The mail of one notification; none if it is gone, its post is no longer public, or its topic is no longer wanted at once. */
    Optional<Mail> notification(long memberId, MailRecipients.Recipient to, long notificationId) {
        Optional<Delivery> found = notifications.delivery(notificationId, memberId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = found.get();
        Optional<MailTopic> topic = MailTopic.of(delivery.kind());
        if (topic.isEmpty() || recipients.choices(memberId).get(topic.get()) != MailFrequency.AT_ONCE
                || (WHILE_PUBLIC.contains(delivery.kind()) && !delivery.postPublic())) {
            return Optional.empty();
        }
        String unsubscribe = links.unsubscribe(memberId, topic.get().name());
        TemplateInstance body = Templates.notification(to.handle(), delivery.text(), links.absolute(delivery.link()),
                topic.get().label, unsubscribe, links.absolute("/settings/mail"));
        return Optional.of(listMail(to.address(), SUBJECTS.get(delivery.kind()), body, unsubscribe));
    }

    /**
     * A digest: the best new tips and stories of its period in followed conditions (if new posts come in this digest)
     * and the notices of the topics gathered in it. None if there is nothing to tell.
     */
    Optional<Mail> digest(long memberId, MailRecipients.Recipient to, long digestId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select frequency, period_start as "from", period_end as until from mail_digest where id = ?1 and member_id = ?2""",
                Tuple.class).setParameter(1, digestId).setParameter(2, memberId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        MailFrequency frequency = MailFrequency.valueOf(rows.get(0).get("frequency", String.class));
        Instant from = rows.get(0).get("from", Instant.class);
        Instant until = rows.get(0).get("until", Instant.class);
        Map<MailTopic, MailFrequency> choices = recipients.choices(memberId);
        List<DigestPost> posts = choices.get(MailTopic.NEW_POSTS) != frequency ? List.of()
                : following.bestNewPosts(memberId, from, until, digestPosts).stream()
                        .map(post -> new DigestPost(post, links.absolute("/posts/" + post.id()))).toList();
        List<NotificationKind> gathered = Arrays.stream(MailTopic.values())
                .filter(topic -> topic != MailTopic.NEW_POSTS && choices.get(topic) == frequency)
                .map(topic -> topic.notificationKind).toList();
        List<DigestNotice> notices = notifications.deliveries(memberId, gathered, from, until).stream()
                .map(d -> new DigestNotice(d.text(), links.absolute(d.link()))).toList();
        if (posts.isEmpty() && notices.isEmpty()) {
            return Optional.empty();
        }
        String period = DAY.format(from) + (frequency == MailFrequency.DAILY ? "" : " to " + DAY.format(until.minusSeconds(1)));
        String unsubscribe = links.unsubscribe(memberId, frequency.name());
        TemplateInstance body = Templates.digest(to.handle(), period, posts, notices, unsubscribe, links.absolute("/settings/mail"));
        String subject = (frequency == MailFrequency.DAILY ? "Your daily" : "Your weekly") + " Backstory digest";
        return Optional.of(listMail(to.address(), subject, body, unsubscribe));
    }

    /** The link that confirms a newly entered address, sent to that address. */
    Mail addressCheck(long memberId, String address, String handle) {
        Instant until = Instant.now().plus(addressLinkValidFor);
        TemplateInstance body = Templates.addressCheck(handle, links.confirmAddress(memberId, address, until),
                DAY.format(until) + ", " + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(until) + " UTC");
        return mail(address, "Confirm your e-mail address for Backstory", body);
    }

    private static Mail listMail(String to, String subject, TemplateInstance body, String unsubscribe) {
        return mail(to, subject, body)
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static Mail mail(String to, String subject, TemplateInstance body) {
        String text = body.setVariant(Variant.forContentType(Variant.TEXT_PLAIN)).render();
        String html = body.setVariant(Variant.forContentType(Variant.TEXT_HTML)).render();
        return new Mail().setTo(List.of(to)).setSubject(subject).setText(text).setHtml(html);
    }
}

package io.backstory.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberLoggedIn;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.InvalidLinkException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Members' addresses and mail choices. An address comes from the login's verified {@code email} claim or from the
 * member, who confirms it through a link sent to it; it is shown to its member only and goes with the account.
 */
@ApplicationScoped
public class MailRecipients {

    /** What the member's mail settings page shows. */
    public record MailSettings(String address, String pendingAddress, Instant stoppedAt, String stoppedReason,
            List<Choice> choices) {
    }

    public record Choice(MailTopic topic, MailFrequency frequency) {
    }

    /** Where a mail goes: the verified address of a member whose mail is not stopped, and the handle it greets. */
    record Recipient(String address, String handle) {
    }

    static final int MAX_ADDRESS = 254;
    /** One "@", something on each side, a dot in the domain; no spaces or control characters. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");

    private final EntityManager em;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    public MailRecipients(EntityManager em, RateLimiter rateLimiter, RateLimits limits) {
        this.em = em;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    @Transactional
    public MailSettings settings(long memberId) {
        List<Tuple> rows = tuples("""
                select address, pending_address as pending, stopped_at as stopped, stopped_reason as reason
                from mail_recipient where member_id = ?1""", memberId);
        Map<MailTopic, MailFrequency> chosen = choices(memberId);
        List<Choice> choices = Arrays.stream(MailTopic.values()).map(t -> new Choice(t, chosen.getOrDefault(t, t.initial))).toList();
        if (rows.isEmpty()) {
            return new MailSettings(null, null, null, null, choices);
        }
        Tuple row = rows.get(0);
        return new MailSettings(row.get("address", String.class), row.get("pending", String.class),
                row.get("stopped", Instant.class), row.get("reason", String.class), choices);
    }

    /** Saves the member's choice for each topic. */
    @Transactional
    public void choose(long memberId, Map<MailTopic, MailFrequency> frequencies) {
        frequencies.forEach((topic, frequency) -> em.createNativeQuery("""
                insert into mail_choice (member_id, topic, frequency) values (?1, ?2, ?3)
                on conflict (member_id, topic) do update set frequency = excluded.frequency""")
                .setParameter(1, memberId).setParameter(2, topic.name()).setParameter(3, frequency.name()).executeUpdate());
    }

    /**
     * The member enters a new address: it waits, unused, until the link mailed to it is followed. Returns the address as
     * it will be used (trimmed); invalid input naming the field if it cannot be an address.
     */
    @Transactional
    public String requestAddress(Member member, String address) {
        long memberId = member.id;
        String wanted = address == null ? "" : address.strip();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("address", "Please enter your e-mail address.");
        }
        if (wanted.length() > MAX_ADDRESS || !ADDRESS.matcher(wanted).matches()) {
            throw new InvalidInputException("address", "This does not look like an e-mail address (like name@example.org, "
                    + "at most " + MAX_ADDRESS + " characters).");
        }
        // Counted only for addresses that would get a mail: a typo the check above refuses costs nothing.
        rateLimiter.acquire(member.limitBucket("address-checks"), limits.addressChecksPerDay(), Duration.ofDays(1));
        em.createNativeQuery("""
                insert into mail_recipient (member_id, pending_address, pending_since) values (?1, ?2, now())
                on conflict (member_id) do update set pending_address = excluded.pending_address, pending_since = now()""")
                .setParameter(1, memberId).setParameter(2, wanted).executeUpdate();
        startChoices(memberId);
        // The link goes out through the outbox like any mail; a link for an address entered before is not sent.
        em.createNativeQuery("""
                update mail_outbox set status = ?2 where member_id = ?1 and kind = ?3 and status = ?4""")
                .setParameter(1, memberId).setParameter(2, OutboxStatus.DROPPED.name())
                .setParameter(3, OutboxKind.ADDRESS_CHECK.name()).setParameter(4, OutboxStatus.PENDING.name()).executeUpdate();
        em.createNativeQuery("insert into mail_outbox (member_id, kind) values (?1, ?2)")
                .setParameter(1, memberId).setParameter(2, OutboxKind.ADDRESS_CHECK.name()).executeUpdate();
        return wanted;
    }

    /** The address waiting for confirmation, if any. */
    @Transactional
    public Optional<String> pendingAddress(long memberId) {
        return tuples("select pending_address as pending from mail_recipient where member_id = ?1 and pending_address is not null",
                memberId).stream().map(row -> row.get("pending", String.class)).findFirst();
    }

    /**
     * The link mailed to the waiting address was followed: it becomes the member's address, and mail to it starts
     * (again). An invalid link if it is altered, expired or for an address since replaced.
     */
    @Transactional
    public String confirmAddress(long memberId, long until, String signature, MailLinks links) {
        List<Tuple> rows = tuples("select pending_address as pending from mail_recipient where member_id = ?1 for update", memberId);
        String pending = rows.isEmpty() ? null : rows.get(0).get("pending", String.class);
        if (pending == null || !links.validAddressConfirmation(memberId, pending, until, signature, Instant.now())) {
            throw new InvalidLinkException("This link does not work",
                    "It may be older than two days, or you entered another address after it was sent. Enter your address "
                            + "again in your mail settings and we will send a new link.");
        }
        em.createNativeQuery("""
                update mail_recipient set address = pending_address, pending_address = null, pending_since = null,
                       stopped_at = null, stopped_reason = null
                where member_id = ?1""").setParameter(1, memberId).executeUpdate();
        return pending;
    }

    @Transactional
    void onLogin(@Observes MemberLoggedIn login) {
        if (login.verifiedEmail() != null) {
            offerVerifiedAddress(login.memberId(), login.verifiedEmail());
        }
    }

    /** At login: a verified address from the identity provider is used when the member has none of their own yet. */
    @Transactional
    public void offerVerifiedAddress(long memberId, String address) {
        if (address == null || address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
            return;
        }
        int taken = em.createNativeQuery("""
                insert into mail_recipient (member_id, address) values (?1, ?2)
                on conflict (member_id) do update set address = excluded.address
                where mail_recipient.address is null and mail_recipient.pending_address is null""")
                .setParameter(1, memberId).setParameter(2, address).executeUpdate();
        if (taken > 0) {
            startChoices(memberId);
        }
    }

    /**
     * Follows an unsubscribe link: {@code scope} is a topic (its mail stops) or a digest's frequency (every topic
     * gathered in that digest stops). An invalid link if it was altered.
     */
    @Transactional
    public String unsubscribe(long memberId, String scope, String signature, MailLinks links) {
        if (scope == null || !links.validUnsubscribe(memberId, scope, signature)) {
            throw MailLinks.invalidUnsubscribeLink();
        }
        Optional<MailTopic> topic = Arrays.stream(MailTopic.values()).filter(t -> t.name().equals(scope)).findFirst();
        if (topic.isPresent()) {
            choose(memberId, Map.of(topic.get(), MailFrequency.NEVER));
            return topic.get().label;
        }
        MailFrequency digest = MailFrequency.valueOf(scope);
        em.createNativeQuery("update mail_choice set frequency = ?3 where member_id = ?1 and frequency = ?2")
                .setParameter(1, memberId).setParameter(2, digest.name()).setParameter(3, MailFrequency.NEVER.name())
                .executeUpdate();
        return (digest == MailFrequency.DAILY ? "The daily" : "The weekly") + " digest";
    }

    /** The mail server refused the address for good: no more mail goes to it until the member confirms an address. */
    @Transactional(Transactional.TxType.MANDATORY)
    void stop(long memberId, String address, String reason) {
        em.createNativeQuery("""
                update mail_recipient set stopped_at = now(), stopped_reason = ?3 where member_id = ?1 and address = ?2""")
                .setParameter(1, memberId).setParameter(2, address).setParameter(3, shortened(reason, 500)).executeUpdate();
    }

    /**
     * A delivery report gave up on {@code address} for good: mail stops to every member whose address it is (compared
     * without case, as mail servers treat the domain). Returns how many members that was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int stopAddress(String address, String reason) {
        return em.createNativeQuery("""
                update mail_recipient set stopped_at = now(), stopped_reason = ?2
                where lower(address) = lower(?1) and stopped_at is null""")
                .setParameter(1, address).setParameter(2, shortened(reason, 500)).executeUpdate();
    }

    /** Where mail to this member goes now; empty when they have no working address. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Recipient> recipient(long memberId) {
        return tuples("""
                select r.address, m.handle from mail_recipient r join member m on m.id = r.member_id
                where r.member_id = ?1 and r.address is not null and r.stopped_at is null""", memberId).stream()
                .map(row -> new Recipient(row.get("address", String.class), row.get("handle", String.class))).findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<String> handle(long memberId) {
        return tuples("select handle from member where id = ?1", memberId).stream().map(r -> r.get("handle", String.class))
                .findFirst();
    }

    /** The member's frequency per topic; topics never chosen are absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<MailTopic, MailFrequency> choices(long memberId) {
        Map<MailTopic, MailFrequency> chosen = new EnumMap<>(MailTopic.class);
        tuples("select topic, frequency from mail_choice where member_id = ?1", memberId).forEach(row -> chosen.put(
                MailTopic.valueOf(row.get("topic", String.class)), MailFrequency.valueOf(row.get("frequency", String.class))));
        return chosen;
    }

    /** A member who gets an address starts with each topic's initial choice (kept if they chose before). */
    private void startChoices(long memberId) {
        for (MailTopic topic : MailTopic.values()) {
            em.createNativeQuery("insert into mail_choice (member_id, topic, frequency) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, memberId).setParameter(2, topic.name()).setParameter(3, topic.initial.name()).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql, long memberId) {
        return em.createNativeQuery(sql, Tuple.class).setParameter(1, memberId).getResultList();
    }

    static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

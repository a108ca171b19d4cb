package io.backstory.mail;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.backstory.platform.PageForms;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A test member's mailbox at the test SMTP server: sets up a confirmed address and reads what arrives. */
final class Mailbox {

    /** One received mail: subject, both parts, the unsubscribe headers. */
    record Received(String subject, String text, String html, String listUnsubscribe, String listUnsubscribePost) {

        /** The path and query of the first link in the text part that starts with {@code pathPrefix}. */
        String link(String pathPrefix) {
            Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s\"<>]*)").matcher(text);
            assertTrue(link.find(), "no link to " + pathPrefix + " in: " + text);
            return link.group(1);
        }

        /** The path and query of the List-Unsubscribe address. */
        String unsubscribePath() {
            return listUnsubscribe.replaceAll("^<https?://[^/]+", "").replaceAll(">$", "");
        }
    }

    final String user;
    final String address;

    private Mailbox(String user, String address) {
        this.user = user;
        this.address = address;
    }

    /** Gives {@code user} a fresh address through the settings page and its confirmation mail, and sets every topic. */
    static Mailbox confirmed(String user, MailFrequency every) {
        String address = user + "-" + System.nanoTime() + "@mail.test";
        Response entered = PageForms.submit(user, "/settings/mail", "/settings/mail/address", Map.of("address", address));
        assertEquals(303, entered.statusCode(), entered.asString());
        Mailbox box = new Mailbox(user, address);
        Received check = box.awaitOne(m -> m.subject().startsWith("Confirm your e-mail address"));
        assertEquals(null, check.listUnsubscribe(), "an address check is no list mail");
        String link = check.link("/mail/verify");
        Map<String, String> query = query(link);
        PageForms.Csrf csrf = PageForms.csrf(null, link, "/mail/verify");
        Response confirmed = csrf.applyTo(given()).redirects().follow(false).formParams(query).when().post("/mail/verify");
        assertEquals(200, confirmed.statusCode(), confirmed.asString());
        assertTrue(confirmed.asString().contains(address), "the page names the confirmed address");
        box.choose(Map.of(MailTopic.REPLIES, every, MailTopic.ACCEPTED_ANSWERS, every, MailTopic.MODERATION, every,
                MailTopic.NEW_POSTS, every, MailTopic.MENTIONS, every));
        return box;
    }

    void choose(Map<MailTopic, MailFrequency> choices) {
        Map<String, String> fields = new LinkedHashMap<>();
        choices.forEach((topic, frequency) -> fields.put(topic.field(), frequency.name()));
        Response saved = PageForms.submit(user, "/settings/mail", "/settings/mail/choices", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    static Map<String, String> query(String pathAndQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return query;
    }

    List<Received> received() {
        return TestMailServer.to(address).stream().map(Mailbox::read).toList();
    }

    List<Received> received(Predicate<Received> which) {
        return received().stream().filter(which).toList();
    }

    /**
     * Waits (up to 30 s: mail goes out from the outbox a poll later, and a send that fails is retried) for a first
     * matching mail, then a little longer for any duplicate, and requires exactly one. A failure shows the member's
     * outbox rows, which say whether the mail was never queued, is waiting for a retry, or was sent elsewhere.
     */
    Received awaitOne(Predicate<Received> which) {
        awaitCount(which, 1, Duration.ofSeconds(30));
        sleep(Duration.ofMillis(1500));
        List<Received> found = received(which);
        if (found.size() != 1) {
            fail("exactly one such mail to " + address + ", got " + found + "; outbox: " + outboxRows());
        }
        return found.get(0);
    }

    /** This member's outbox rows, newest first: kind, status, attempts, last error, when the next attempt is due. */
    private List<String> outboxRows() {
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select o.id, o.kind, o.status, o.attempts, o.last_error, o.next_attempt_at, now() as checked_at
                        from mail_outbox o join member m on m.id = o.member_id where m.oidc_subject = ? order by o.id desc""")) {
            statement.setString(1, user);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getLong("id") + " " + row.getString("kind") + " " + row.getString("status") + " attempts="
                            + row.getInt("attempts") + " error=" + row.getString("last_error") + " next="
                            + row.getTimestamp("next_attempt_at") + " now=" + row.getTimestamp("checked_at"));
                }
            }
            return rows;
        } catch (SQLException e) {
            return List.of("could not be read: " + e);
        }
    }

    /** Waits until {@code count} matching mails arrived (or the time is up) and returns them. */
    List<Received> awaitCount(Predicate<Received> which, int count, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (received(which).size() < count && System.nanoTime() < until) {
            sleep(Duration.ofMillis(100));
        }
        return received(which);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Received read(MimeMessage message) {
        try {
            String[] unsubscribe = message.getHeader("List-Unsubscribe");
            String[] post = message.getHeader("List-Unsubscribe-Post");
            return new Received(message.getSubject(), MailParts.ofType(message, "text/plain"), MailParts.ofType(message, "text/html"),
                    unsubscribe == null ? null : unsubscribe[0], post == null ? null : post[0]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts as this member through the API; returns the new post's id. */
    long write(String kind, String title, String body, String... conditions) {
        return Mailbox.post(user, kind, title, body, conditions);
    }

    static long post(String user, String kind, String title, String body, String... conditions) {
        String list = String.join(", ", java.util.Arrays.stream(conditions).map(c -> "\"" + c + "\"").toList());
        return ((Number) as(user).contentType("application/json").body("""
                {"kind": "%s", "title": "%s", "body": "%s", "conditions": [%s]}""".formatted(kind, title, body, list))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    static long comment(String user, long post, String body) {
        return ((Number) as(user).contentType("application/json").body("{\"body\": \"" + body + "\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
    }
}

package io.backstory.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backstory.platform.errors.InvalidLinkException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Links in mail that work without logging in: unsubscribing and confirming an address. Each carries an HMAC of what
 * it does, so it cannot be altered into another member's or another choice; the key is the same on every instance.
 * Unsubscribe links do not expire (a mail read a year later must still stop the mail); address links do, and name
 * the address they confirm, so an older link stops working once another address is entered.
 */
@ApplicationScoped
public class MailLinks {

    private final String origin;
    private final SecretKeySpec key;

    @Inject
    MailLinks(@ConfigProperty(name = "backstory.public-url") Optional<String> publicUrl,
            @ConfigProperty(name = "backstory.mail.link-origin") String fallbackOrigin,
            @ConfigProperty(name = "backstory.mail.secret") String secret) {
        this(publicUrl.filter(url -> !url.isBlank()).orElse(fallbackOrigin), secret);
    }

    MailLinks(String origin, String secret) {
        this.origin = origin.replaceAll("/+$", "");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** An absolute address on the site, for a path such as {@code /posts/12}. */
    String absolute(String path) {
        return origin + path;
    }

    /** Stops mail about {@code scope}: a topic's name, or a digest's frequency (DAILY, WEEKLY). */
    String unsubscribe(long memberId, String scope) {
        return absolute("/mail/unsubscribe?member=" + memberId + "&what=" + scope + "&sig=" + sign("unsubscribe", memberId, scope));
    }

    boolean validUnsubscribe(long memberId, String scope, String signature) {
        return matches(signature, sign("unsubscribe", memberId, scope));
    }

    /** Confirms {@code address} as the member's, until {@code expires}. */
    String confirmAddress(long memberId, String address, Instant expires) {
        long until = expires.getEpochSecond();
        return absolute("/mail/verify?member=" + memberId + "&until=" + until + "&sig="
                + URLEncoder.encode(sign("address", memberId, address + "\n" + until), StandardCharsets.UTF_8));
    }

    boolean validAddressConfirmation(long memberId, String address, long until, String signature, Instant now) {
        return now.getEpochSecond() <= until && matches(signature, sign("address", memberId, address + "\n" + until));
    }

    static InvalidLinkException invalidUnsubscribeLink() {
        return new InvalidLinkException("This unsubscribe link does not work",
                "It was changed after we sent it. Use the link in the mail as it is, or change your choices in your mail "
                        + "settings after logging in.");
    }

    private String sign(String purpose, long memberId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((purpose + "\n" + memberId + "\n" + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}

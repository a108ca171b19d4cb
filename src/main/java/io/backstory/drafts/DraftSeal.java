package io.backstory.drafts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backstory.accounts.CurrentMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The owner seal a writing form carries ({@code draft-owner}): the id of the member the form was shown to and an HMAC
 * of it. A form sent after the login ran out is kept only with a valid seal, and given back only to that member after
 * they log in again; nobody else who logs in on the same browser sees it, and another site cannot make one up.
 */
@ApplicationScoped
@Named("draftSeal")
public class DraftSeal {

    static final String FIELD = "draft-owner";
    static final String OPENED_FIELD = "draft-opened";

    private final CurrentMember viewer;
    private final SecretKeySpec key;

    DraftSeal(CurrentMember viewer, @ConfigProperty(name = "backstory.csrf.secret") String secret) {
        this.viewer = viewer;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** When this page was made, in milliseconds ({@code inject:draftSeal.opened}); its autosaves name it. */
    public long getOpened() {
        return System.currentTimeMillis();
    }

    /** The moment an autosave's page was made; null when the field is missing or not a number (nothing is ignored). */
    static Instant pageOpened(String millis) {
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The seal of the member viewing this page ({@code inject:draftSeal.value}); empty for visitors. */
    public String getValue() {
        return viewer.isLoggedIn() ? seal(viewer.id()) : "";
    }

    String seal(long memberId) {
        return memberId + "." + mac(memberId);
    }

    /** The member a seal names, if it is one this site made. */
    OptionalLong owner(String seal) {
        int dot = seal == null ? -1 : seal.indexOf('.');
        if (dot < 1) {
            return OptionalLong.empty();
        }
        try {
            long memberId = Long.parseLong(seal.substring(0, dot));
            boolean genuine = MessageDigest.isEqual(seal.substring(dot + 1).getBytes(StandardCharsets.UTF_8),
                    mac(memberId).getBytes(StandardCharsets.UTF_8));
            return genuine ? OptionalLong.of(memberId) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private String mac(long memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("draft-owner\n" + memberId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

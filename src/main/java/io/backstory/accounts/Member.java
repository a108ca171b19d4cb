package io.backstory.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.backstory.platform.errors.NotAllowedException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

/**
 * A member's local profile, keyed by the OIDC subject. Health is private: the handle is pseudonymous and
 * no real name or e-mail is stored.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "oidc_subject", nullable = false, unique = true)
    public String oidcSubject;

    @Column(nullable = false)
    public String handle;

    /** What the handle looks like ({@link HandleSkeleton}); unique, so no handle can pass for another. */
    @Column(name = "handle_skeleton")
    public String handleSkeleton;

    /**
     * The person behind this account: a salted hash of the OIDC subject (SQL function {@code person_key}, migration
     * V17). Unlike the id it is the same when they delete their account and log in again, so what must outlive an
     * account (rate-limit counters, a moderator's silencing) is keyed by it.
     */
    @Formula("person_key(oidc_subject)")
    public String personKey;

    @Column(name = "trust_level", nullable = false)
    public short trustLevel;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    /** Upvotes received on tips: "helped N people". Maintained by the vote service. */
    @Column(name = "helped_count", nullable = false)
    public int helpedCount;

    /** False until the member has confirmed or changed the handle suggested at first login. */
    @Column(name = "handle_chosen", nullable = false)
    public boolean handleChosen;

    @Column(name = "flags_upheld", nullable = false)
    public int flagsUpheld;

    @Column(name = "flags_dismissed", nullable = false)
    public int flagsDismissed;

    /** Set by a moderator: no posting, commenting, flagging, voting, tag suggestions or handle changes until then. */
    @Column(name = "silenced_until")
    public Instant silencedUntil;

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Not allowed, saying until when, for anything a silenced member may not do (everything that others see). */
    public void requireNotSilenced() {
        requireNotSilenced(silencedUntil);
    }

    static void requireNotSilenced(Instant silencedUntil) {
        if (silencedUntil != null && silencedUntil.isAfter(Instant.now())) {
            throw new NotAllowedException("A moderator has paused your posting until " + UNTIL.format(silencedUntil)
                    + ": until then you cannot post, comment, flag, vote, suggest tags or change your handle.");
        }
    }

    /** This person's rate-limit counter for {@code action}; rejoining does not reset it. */
    public String limitBucket(String action) {
        return limitBucket(action, personKey);
    }

    static String limitBucket(String action, String personKey) {
        return action + ":" + personKey;
    }

    public static Member findBySubject(String subject) {
        return find("oidcSubject", subject).firstResult();
    }
}

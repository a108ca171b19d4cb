package io.backstory.accounts;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** Set by a moderator: no posting, commenting or flagging until then. */
    @Column(name = "silenced_until")
    public Instant silencedUntil;

    public boolean isSilenced() {
        return silencedUntil != null && silencedUntil.isAfter(Instant.now());
    }

    public static Member findBySubject(String subject) {
        return find("oidcSubject", subject).firstResult();
    }
}

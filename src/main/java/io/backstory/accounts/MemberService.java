package io.backstory.accounts;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.backstory.platform.cache.ReadCache;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Creates and finds the local profiles of members who log in through OIDC. */
@ApplicationScoped
public class MemberService {

    private static final Pattern HANDLE_CHARACTERS = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int MAX_HANDLE_ATTEMPTS = 8;

    private final EntityManager em;

    public MemberService(EntityManager em) {
        this.em = em;
    }

    /**
     * A member's id and handle by login subject, read without loading their profile; empty before their first visit.
     */
    public Optional<IdAndHandle> idAndHandle(String subject) {
        return NamedRow.all(em.createNativeQuery("select id, handle from member where oidc_subject = ?1", Tuple.class)
                .setParameter(1, subject)).stream().findFirst()
                .map(row -> new IdAndHandle(row.number("id"), row.text("handle")));
    }

    /** Who a login subject is, as pages read it on every request (kept in the read cache: see {@link CurrentMember}). */
    public record IdAndHandle(long id, String handle) implements ReadCache.Weighed {

        @Override
        public int weight() {
            return 64 + handle.length();
        }
    }

    /**
     * The profile of the member with this OIDC subject, created on first login. Safe under concurrent first
     * requests: the insert does nothing when the subject (or the handle, or one that looks like it) already exists,
     * and we read back.
     */
    @Transactional
    public Member findOrCreate(String subject, String loginName) {
        Member existing = Member.findBySubject(subject);
        if (existing != null) {
            return existing;
        }
        String base = initialHandle(loginName);
        for (int attempt = 0; attempt < MAX_HANDLE_ATTEMPTS; attempt++) {
            String handle = attempt == 0 ? base : base + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
            // Someone who left and comes back gets back what a moderator decided about them (PrivacyService keeps it).
            em.createNativeQuery("""
                    insert into member (oidc_subject, handle, handle_skeleton, flags_upheld, flags_dismissed, silenced_until)
                    select ?1, ?2, ?3, coalesce(s.flags_upheld, 0), coalesce(s.flags_dismissed, 0), s.silenced_until
                    from (select person_key(?1) as person_key) p
                    left join person_standing s on s.person_key = p.person_key
                    on conflict do nothing""")
                    .setParameter(1, subject)
                    .setParameter(2, handle)
                    .setParameter(3, HandleSkeleton.of(handle))
                    .executeUpdate();
            Member created = Member.findBySubject(subject);
            if (created != null) {
                em.createNativeQuery("delete from person_standing where person_key = ?1").setParameter(1, created.personKey)
                        .executeUpdate();
                return created;
            }
        }
        throw new IllegalStateException("Could not find a free handle for a new member");
    }

    /** Handles: 3-30 letters, digits, '_' or '-'; unique ignoring case and look-alikes ({@link HandleSkeleton}). */
    static final Pattern VALID_HANDLE = Pattern.compile("^[A-Za-z0-9_-]{3,30}$");

    /** Sets (or confirms) the member's handle; the old one is free for others afterwards. */
    @Transactional
    public Member changeHandle(long memberId, String handle) {
        String wanted = handle == null ? "" : handle.strip();
        if (!VALID_HANDLE.matcher(wanted).matches()) {
            throw new InvalidInputException("handle", "use 3 to 30 letters, digits, '_' or '-'");
        }
        Member member = Member.findById(memberId);
        if (!wanted.equals(member.handle)) {
            // Confirming the suggested handle at first login stays possible; renaming (to an insult, say) does not.
            member.requireNotSilenced();
        }
        String skeleton = HandleSkeleton.of(wanted);
        Member taken = Member.find("(lower(handle) = lower(?1) or handleSkeleton = ?2) and id <> ?3", wanted, skeleton,
                memberId).firstResult();
        if (taken != null) {
            throw new InvalidInputException("handle", taken.handle.equalsIgnoreCase(wanted)
                    ? "'" + wanted + "' is taken; try another"
                    : "'" + wanted + "' looks like a handle that is taken (" + taken.handle + "); try another");
        }
        member.handle = wanted;
        member.handleSkeleton = skeleton;
        member.handleChosen = true;
        return member;
    }

    /**
     * A pseudonymous starting handle: the login name when it is a plain user name, never an e-mail address
     * (which often contains a real name). Members can change it later.
     */
    static String initialHandle(String loginName) {
        if (loginName == null || loginName.contains("@")) {
            return "member";
        }
        String cleaned = HANDLE_CHARACTERS.matcher(loginName).replaceAll("");
        if (cleaned.length() < 3) {
            return "member";
        }
        return cleaned.length() > 30 ? cleaned.substring(0, 30) : cleaned;
    }

    /**
     * Deletes the member. A moderator's silencing and the flagging record stay under the person key (a salted hash of
     * the login, no words, no handle), so that leaving and returning resets neither. Votes, flags and notifications go
     * with the member (foreign keys cascade); revisions and moderation records keep their rows with the reference cleared.
     */
    public void erase(long memberId) {
        em.createNativeQuery("""
                insert into person_standing (person_key, flags_upheld, flags_dismissed, silenced_until)
                select person_key(oidc_subject), flags_upheld, flags_dismissed, silenced_until from member
                where id = ?1 and (flags_upheld > 0 or flags_dismissed > 0 or silenced_until > now())
                on conflict (person_key) do update set flags_upheld = excluded.flags_upheld,
                    flags_dismissed = excluded.flags_dismissed, silenced_until = excluded.silenced_until""")
                .setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("delete from member where id = ?1").setParameter(1, memberId).executeUpdate();
    }
}

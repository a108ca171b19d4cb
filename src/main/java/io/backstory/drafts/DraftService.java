package io.backstory.drafts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.platform.Limits;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.LimitReachedException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.text.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Drafts: a member's unsent text per form, saved as they type or with "Save draft", given back when they open the
 * form again and gone once they publish it; and the text of a form sent after the login ran out, kept until the same
 * member logs in again on the same browser.
 */
@ApplicationScoped
public class DraftService {


    /** The fields of the writing forms; security fields and buttons are not part of a draft. */
    private static final Pattern FORM_FIELD = Pattern.compile("kind|title|body|condition|remedy(\\.[a-z0-9-]{1,60})?|version|parentId");
    private static final TextLimit CHOICE = TextLimit.optional(100);
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    private final Limits.Drafts limits;
    /** How long a text left waiting for a login is kept, as a PostgreSQL interval. */
    private final String keptFor;

    DraftService(EntityManager em, ObjectMapper json, Limits limits) {
        this.em = em;
        this.json = json;
        this.limits = limits.drafts();
        this.keptFor = this.limits.waitingKeptFor().toSeconds() + " seconds";
    }

    /** Drafts one member keeps at most (one per form). */
    public int perMember() {
        return limits.perMember();
    }

    /** Saves what the member has in the form at {@code formPath}, replacing their earlier draft of it. */
    @Transactional
    public Draft save(long memberId, String formPath, MultivaluedMap<String, String> sent) {
        DraftForm form = form(formPath);
        String fields = fields(form, sent);
        em.createNativeQuery("select id from member where id = ?1 for update").setParameter(1, memberId).getResultList();
        boolean replacing = find(memberId, formPath).isPresent();
        if (!replacing && count(memberId) >= limits.perMember()) {
            throw new LimitReachedException("Too many drafts", "You already keep " + limits.perMember()
                    + " drafts. Open your drafts from the account menu and discard the ones you no longer need.");
        }
        em.createNativeQuery("""
                insert into draft (member_id, form_path, fields) values (?1, ?2, cast(?3 as jsonb))
                on conflict (member_id, form_path) where member_id is not null
                do update set fields = excluded.fields, saved_at = now()""")
                .setParameter(1, memberId).setParameter(2, formPath).setParameter(3, fields).executeUpdate();
        return find(memberId, formPath).orElseThrow();
    }

    @Transactional
    public Optional<Draft> find(long memberId, String formPath) {
        return drafts("where member_id = ?1 and form_path = ?2", memberId, formPath).stream().findFirst();
    }

    /** The member's draft of the form at {@code formPath}, if any, and how many drafts they have, in one statement. */
    @Transactional
    public Counted findCounting(long memberId, String formPath) {
        Tuple row = (Tuple) em.createNativeQuery("""
                select c.total, d.id, d.form_path, d.fields::text as fields, d.saved_at
                from (select count(*) as total from draft where member_id = ?1) c
                left join draft d on d.member_id = ?1 and d.form_path = ?2""", Tuple.class)
                .setParameter(1, memberId).setParameter(2, formPath).getSingleResult();
        return new Counted(row.get("id") == null ? Optional.empty() : Optional.of(draft(row)),
                row.get("total", Number.class).intValue());
    }

    /** A form's draft and the member's number of drafts ({@link #findCounting}). */
    public record Counted(Optional<Draft> draft, int count) {
    }

    @Transactional
    public List<Draft> list(long memberId) {
        return drafts("where member_id = ?1 order by saved_at desc, id desc", memberId);
    }

    @Transactional
    public int count(long memberId) {
        return ((Number) em.createNativeQuery("select count(*) from draft where member_id = ?1")
                .setParameter(1, memberId).getSingleResult()).intValue();
    }

    /** The member's draft with this id; another member's is "not found", as if it did not exist. */
    @Transactional
    public Draft get(long memberId, long id) {
        return drafts("where member_id = ?1 and id = ?2", memberId, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("This draft"));
    }

    @Transactional
    public void discard(long memberId, long id) {
        if (em.createNativeQuery("delete from draft where member_id = ?1 and id = ?2").setParameter(1, memberId)
                .setParameter(2, id).executeUpdate() == 0) {
            throw new NotFoundException("This draft");
        }
    }

    /** The form was sent and saved: its draft has done its job. */
    @Transactional
    public void published(long memberId, String formPath) {
        em.createNativeQuery("delete from draft where member_id = ?1 and form_path = ?2").setParameter(1, memberId)
                .setParameter(2, formPath).executeUpdate();
        em.createNativeQuery("""
                insert into draft_published (member_id, form_path) values (?1, ?2)
                on conflict (member_id, form_path) do update set published_at = now()""")
                .setParameter(1, memberId).setParameter(2, formPath).executeUpdate();
        // An autosave comes within seconds of its page; older marks only take room.
        em.createNativeQuery("delete from draft_published where member_id = ?1 and published_at < now() - interval '1 day'")
                .setParameter(1, memberId).executeUpdate();
    }

    /**
     * An autosave from a form page opened at {@code pageOpened}: saved as {@link #save}, unless the member sent and
     * saved that form after the page was opened (the autosave was overtaken by the real thing, or is a browser's old
     * copy of it); then nothing is saved and nothing is refused. Returns whether it was saved.
     */
    @Transactional
    public boolean autosave(long memberId, String formPath, Instant pageOpened, MultivaluedMap<String, String> sent) {
        if (pageOpened != null && !em.createNativeQuery("""
                select 1 from draft_published where member_id = ?1 and form_path = ?2 and published_at >= ?3""")
                .setParameter(1, memberId).setParameter(2, formPath).setParameter(3, pageOpened).getResultList().isEmpty()) {
            return false;
        }
        save(memberId, formPath, sent);
        return true;
    }

    /**
     * Keeps a form sent after the login ran out, for the member its seal names, until that member logs in on the
     * browser holding {@code claimKey}. Returns whether it was kept: not without a genuine seal or outside the writing
     * forms. Field limits apply as for any draft.
     */
    @Transactional
    public boolean keep(String claimKey, OptionalLong owner, String formPath, MultivaluedMap<String, String> sent) {
        Optional<DraftForm> form = DraftForm.ofPage(formPath);
        if (owner.isEmpty() || form.isEmpty()) {
            return false;
        }
        String fields = fields(form.get(), sent);
        String keyHash = hash(claimKey);
        em.createNativeQuery("delete from draft where member_id is null and saved_at < now() - cast(?1 as interval)")
                .setParameter(1, keptFor).executeUpdate();
        // One text per form and browser: the latest; and a bound on what one browser can leave here.
        em.createNativeQuery("delete from draft where claim_key_hash = ?1 and form_path = ?2")
                .setParameter(1, keyHash).setParameter(2, formPath).executeUpdate();
        long kept = ((Number) em.createNativeQuery("select count(*) from draft where claim_key_hash = ?1")
                .setParameter(1, keyHash).getSingleResult()).longValue();
        if (kept >= limits.perBrowser()) {
            return false;
        }
        em.createNativeQuery("""
                insert into draft (owner_id, claim_key_hash, form_path, fields)
                select id, ?2, ?3, cast(?4 as jsonb) from member where id = ?1""")
                .setParameter(1, owner.getAsLong()).setParameter(2, keyHash).setParameter(3, formPath)
                .setParameter(4, fields).executeUpdate();
        return true;
    }

    /**
     * Makes the texts this browser kept for this member their drafts (each replaces their earlier draft of the same
     * form); texts kept for someone else stay where they are. Returns the form of the latest, to go back to.
     */
    @Transactional
    public Optional<String> claim(long memberId, String claimKey) {
        String keyHash = hash(claimKey);
        em.createNativeQuery("""
                delete from draft d using draft k
                where k.claim_key_hash = ?2 and k.owner_id = ?1 and d.member_id = ?1 and d.form_path = k.form_path""")
                .setParameter(1, memberId).setParameter(2, keyHash).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> paths = em.createNativeQuery("""
                update draft set member_id = ?1, owner_id = null, claim_key_hash = null, saved_at = now()
                where claim_key_hash = ?2 and owner_id = ?1 and saved_at >= now() - cast(?3 as interval)
                returning form_path""")
                .setParameter(1, memberId).setParameter(2, keyHash).setParameter(3, keptFor).getResultList();
        return paths.stream().findFirst();
    }

    private static DraftForm form(String formPath) {
        return DraftForm.ofPage(formPath)
                .orElseThrow(() -> new InvalidInputException("draft-form", "This is not a form whose text can be kept as a draft."));
    }

    /** The form's own fields, within the form's limits, as JSON; refused like the form itself refuses them. */
    private String fields(DraftForm form, MultivaluedMap<String, String> sent) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        sent.forEach((name, values) -> {
            if (!FORM_FIELD.matcher(name).matches() || values == null) {
                return;
            }
            TextLimit limit = form.textLimits().containsKey(name) ? TextLimit.optional(form.textLimits().get(name)) : CHOICE;
            for (String value : values) {
                limit.problem(value).ifPresent(message -> problems.add(new FieldError(name, message)));
            }
            kept.put(name, List.copyOf(values));
        });
        if (kept.size() > limits.fields()) {
            problems.add(new FieldError("draft-form", "This form has more fields than a writing form has."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Draft> drafts(String where, Object... parameters) {
        var query = em.createNativeQuery("select id, form_path, fields::text as fields, saved_at from draft " + where, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(this::draft).toList();
    }

    private Draft draft(Tuple row) {
        String path = row.get("form_path", String.class);
        try {
            return new Draft(row.get("id", Number.class).longValue(), DraftForm.ofPage(path).orElseThrow(), path,
                    json.readValue(row.get("fields", String.class), FIELDS), row.get("saved_at", Instant.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String claimKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(claimKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

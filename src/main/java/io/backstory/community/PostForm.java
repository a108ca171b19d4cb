package io.backstory.community;

import io.backstory.platform.content.PostKind;
import io.backstory.platform.content.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backstory.writing.TagKind;
import io.backstory.writing.WritingHelp;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The new/edit post form as the member filled it in: kept as typed so a failed submission re-shows it
 * unchanged, and converted into the same {@link PostRequest} the API takes.
 */
public class PostForm {

    /** Select value for a remedy that is mentioned without an outcome. */
    public static final String MENTIONED = "MENTIONED";
    private static final String REMEDY_PREFIX = "remedy.";

    public final String kind;
    public final String title;
    public final String body;
    public final Set<String> conditions;
    /** remedy slug -> HELPED, NO_CHANGE, WORSE or MENTIONED, in form order. */
    public final Map<String, String> remedies;
    public final Integer version;

    PostForm(String kind, String title, String body, Set<String> conditions, Map<String, String> remedies,
            Integer version) {
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.conditions = conditions;
        this.remedies = remedies;
        this.version = version;
    }

    static PostForm empty() {
        return new PostForm("STORY", "", "", Set.of(), Map.of(), null);
    }

    static PostForm startingIn(String conditionSlug) {
        return new PostForm("STORY", "", "", Set.of(conditionSlug), Map.of(), null);
    }

    static PostForm of(PostDetail post) {
        Map<String, String> remedies = new LinkedHashMap<>();
        post.remedies().forEach(r -> remedies.put(r.slug(), r.outcome() == null ? MENTIONED : r.outcome().name()));
        Set<String> conditions = new LinkedHashSet<>();
        post.conditions().forEach(c -> conditions.add(c.slug()));
        return new PostForm(post.kind().name(), post.title(), post.body(), conditions, remedies, post.version());
    }

    static PostForm from(MultivaluedMap<String, String> form) {
        Map<String, String> remedies = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(REMEDY_PREFIX) && !values.isEmpty() && !values.get(0).isBlank()) {
                remedies.put(name.substring(REMEDY_PREFIX.length()), values.get(0));
            }
        });
        List<String> conditions = form.getOrDefault("condition", List.of());
        String version = form.getFirst("version");
        return new PostForm(form.getFirst("kind"), text(form.getFirst("title")), text(form.getFirst("body")),
                new LinkedHashSet<>(conditions), remedies, parseVersion(version));
    }

    /** The request to validate and save; unknown kinds or outcomes become input errors, not exceptions. */
    PostRequest toRequest() {
        PostKind parsedKind = null;
        for (PostKind k : PostKind.values()) {
            if (k.name().equals(kind)) {
                parsedKind = k;
            }
        }
        List<PostRequest.RemedyTag> tags = new ArrayList<>();
        remedies.forEach((slug, value) -> tags.add(new PostRequest.RemedyTag(slug, parseOutcome(value))));
        return new PostRequest(parsedKind, title, body, new ArrayList<>(conditions), tags, version);
    }

    /** The form with a suggested tag the member accepted (without JavaScript, the page comes back with it set). */
    PostForm with(WritingHelp.Accepted tag) {
        if (tag.kind() == TagKind.CONDITION) {
            Set<String> more = new LinkedHashSet<>(conditions);
            more.add(tag.slug());
            return new PostForm(kind, title, body, more, remedies, version);
        }
        Map<String, String> more = new LinkedHashMap<>(remedies);
        more.put(tag.slug(), tag.outcome());
        return new PostForm(kind, title, body, conditions, more, version);
    }

    public boolean hasCondition(String slug) {
        return conditions.contains(slug);
    }

    public String outcome(String slug) {
        return remedies.getOrDefault(slug, "");
    }

    private static Outcome parseOutcome(String value) {
        if (value == null || MENTIONED.equals(value)) {
            return null;
        }
        for (Outcome o : Outcome.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        return null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Integer parseVersion(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

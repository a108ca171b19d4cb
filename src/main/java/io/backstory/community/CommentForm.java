package io.backstory.community;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.backstory.writing.ReplyText;
import jakarta.ws.rs.core.MultivaluedMap;

/** A reply or comment edit as typed, kept for re-showing after a failed submission. */
public class CommentForm {

    public final String body;
    public final Long parentId;
    public final Set<String> remedies;
    public final Integer version;

    CommentForm(String body, Long parentId, Set<String> remedies, Integer version) {
        this.body = body;
        this.parentId = parentId;
        this.remedies = remedies;
        this.version = version;
    }

    static CommentForm empty(Long parentId) {
        return new CommentForm("", parentId, Set.of(), null);
    }

    static CommentForm quoting(CommentDetail parent) {
        return new CommentForm(ReplyText.quote(parent.body()), parent.id(), Set.of(), null);
    }

    static CommentForm of(CommentDetail comment) {
        return new CommentForm(comment.body(), comment.parentId(), new LinkedHashSet<>(comment.remedies()),
                comment.version());
    }

    static CommentForm from(MultivaluedMap<String, String> form) {
        String body = form.getFirst("body");
        return new CommentForm(body == null ? "" : body, number(form.getFirst("parentId")),
                new LinkedHashSet<>(form.getOrDefault("remedy", List.of())),
                number(form.getFirst("version")) == null ? null : number(form.getFirst("version")).intValue());
    }

    CommentRequest toRequest() {
        return new CommentRequest(body, parentId, new ArrayList<>(remedies), version);
    }

    public boolean hasRemedy(String slug) {
        return remedies.contains(slug);
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.backstory.drafts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/** A member's unsent text in one form: the form's fields as they were (text and choices), and when it was saved. */
public record Draft(long id, DraftForm form, String formPath, Map<String, List<String>> fields, Instant savedAt) {

    /** The fields as a form body, for the form to read them back like a sent form. */
    public MultivaluedMap<String, String> asForm() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        fields.forEach(form::addAll);
        return form;
    }

    /** What the drafts page shows of it: the title, or the start of the text. */
    public String summary() {
        String title = first("title").strip();
        if (!title.isEmpty()) {
            return title;
        }
        String body = first("body").strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "(no text yet)";
        }
        return body.codePointCount(0, body.length()) <= 80 ? body
                : body.substring(0, body.offsetByCodePoints(0, 80)) + "…";
    }

    private String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}

package io.backstory.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backstory.platform.errors.FieldError;


/**
 * A form's errors by field, for templates: `conditions[2]` and `remedies[0].remedy` are reported on their
 * group (`conditions`, `remedies`) because that is where the form shows them.
 */
public final class FieldErrors {

    public static final FieldErrors NONE = new FieldErrors(Map.of());

    private final Map<String, String> byField;

    private FieldErrors(Map<String, String> byField) {
        this.byField = byField;
    }

    public static FieldErrors of(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.merge(error.field().replaceAll("[\\[.].*$", ""), error.message(), (a, b) -> a + "; " + b);
        }
        return new FieldErrors(byField);
    }

    /** The same errors with {@code from} reported as {@code to}: where a service's name differs from the form's. */
    public FieldErrors renamed(String from, String to) {
        Map<String, String> byName = new LinkedHashMap<>();
        byField.forEach((field, message) -> byName.merge(field.equals(from) ? to : field, message, (a, b) -> a + "; " + b));
        return new FieldErrors(byName);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int size() {
        return byField.size();
    }

    /** One field's message, with the field's name as the form shows it to a person. */
    public record Entry(String field, String label, String message) {
    }

    public List<Entry> entries() {
        return byField.entrySet().stream().map(e -> new Entry(e.getKey(), label(e.getKey()), e.getValue())).toList();
    }

    /** Names a person reads on the forms, for the fields services report by their request names. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("body", "Your text"),
            Map.entry("title", "Title"), Map.entry("kind", "What you are sharing"), Map.entry("conditions", "Conditions"),
            Map.entry("remedies", "Remedies"), Map.entry("note", "Note"), Map.entry("text", "Text"),
            Map.entry("reason", "Reason"), Map.entry("handle", "Handle"), Map.entry("name", "Name"),
            Map.entry("description", "Description"), Map.entry("patterns", "Patterns"), Map.entry("sample", "Sample text"),
            Map.entry("version", "Version"), Map.entry("action", "Action"), Map.entry("parentId", "Reply to"));

    static String label(String field) {
        String label = LABELS.get(field);
        if (label != null) {
            return label;
        }
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

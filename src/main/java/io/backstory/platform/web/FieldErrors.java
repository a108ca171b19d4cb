package io.backstory.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backstory.platform.api.Problem;

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

    public static FieldErrors of(List<Problem.FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problem.FieldError error : errors) {
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

    public Iterable<Map.Entry<String, String>> entries() {
        return byField.entrySet();
    }
}

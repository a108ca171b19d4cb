package io.backstory.platform.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.backstory.platform.errors.FieldError;

/**
 * An RFC 9457 problem document, with the fields that were wrong when the input was at fault and, for an
 * edit conflict or blocked text, the current state of what was being edited or the screening's result (only ever
 * written out as JSON, never read back). Built in this package only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, Object current) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), null);
    }
}

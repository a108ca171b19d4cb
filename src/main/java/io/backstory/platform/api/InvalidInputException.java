package io.backstory.platform.api;

import java.util.List;

/** Input that passed bean validation but is still wrong (an unknown condition slug, say): a 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

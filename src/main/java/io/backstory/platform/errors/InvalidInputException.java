package io.backstory.platform.errors;

import java.util.List;

/** Input that is wrong (too long, an unknown condition slug, ...), naming each field at fault. */
public final class InvalidInputException extends DomainException {

    private final transient List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(Kind.INVALID_INPUT, "Invalid input", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid: "
                        + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    }
}

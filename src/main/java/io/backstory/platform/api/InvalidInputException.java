package io.backstory.platform.api;

import java.util.List;

/** Input that is wrong (too long, an unknown condition slug, ...): a 400 naming each field at fault. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(Problem.invalid(errors));
    }

    public List<Problem.FieldError> errors() {
        return problem().errors();
    }
}

package io.backstory.platform.api;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/** Checks a request's bean-validation constraints and reports every failure by field name. */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    public InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link InvalidInputException} listing every field at fault; a null request is one missing body. */
    public <T> T check(T request) {
        if (request == null) {
            throw new InvalidInputException("body", "a request body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(fieldErrors(violations, 0));
        }
        return request;
    }

    /** Field errors named like the JSON (`remedies[2].remedy`), skipping the first path nodes (method, parameter). */
    static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations, int skipNodes) {
        return violations.stream()
                .map(v -> new FieldError(fieldName(v.getPropertyPath(), skipNodes), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    private static String fieldName(Path path, int skipNodes) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : path) {
            if (index++ < skipNodes) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : "body";
    }
}

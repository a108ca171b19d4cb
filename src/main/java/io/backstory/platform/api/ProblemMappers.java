package io.backstory.platform.api;

import java.util.Comparator;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/** Turns input errors into `application/problem+json` answers that name the offending fields. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return problem(Problem.invalid(e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Problem.invalid(errors));
    }

    /** The request field, without the method and parameter names bean validation puts in front. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (index++ < 2) {
                continue; // method name, then parameter name
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

    public static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static NotFoundException notFound(String what) {
        return new NotFoundException(problem(Problem.of(404, "Not found", what + " does not exist")));
    }
}

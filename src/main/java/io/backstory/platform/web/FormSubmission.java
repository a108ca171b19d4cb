package io.backstory.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.api.Problem;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.ratelimit.RateLimitedException;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

/**
 * Every page form answers a refusal the same way: with the same form, the member's text still in it, and the reason
 * beside the field it concerns, under the refusal's own status (400, 403, 409, 422, 429 ...). Only a target that no
 * longer exists (404) goes to the error page, because there is no form left to show.
 */
public final class FormSubmission {

    /** Why the form is shown again: the answer's status, the messages by field, and the problem itself. */
    public record Refusal(int status, FieldErrors errors, Problem problem) {

        /** An edit conflict: {@link Problem#current()} holds what is there now. */
        public boolean isConflict() {
            return status == 409;
        }
    }

    private FormSubmission() {
    }

    /**
     * Runs {@code action}; on a refusal answers with {@code form} re-rendered. A refusal that names no field (blocked
     * by screening, too many requests, silenced, a conflict) is shown beside {@code mainField}.
     */
    public static Response submit(String mainField, Supplier<Response> action, Function<Refusal, TemplateInstance> form) {
        try {
            return action.get();
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            Response.ResponseBuilder answer = Response.status(e.problem().status())
                    .entity(form.apply(refusal(e, mainField)));
            if (e instanceof RateLimitedException limited) {
                answer.header("Retry-After", limited.retryAfterSeconds());
            }
            return answer.build();
        } catch (OptimisticLockException e) {
            Problem problem = Problem.of(409, "Conflict",
                    "Someone else changed this at the same moment. Nothing was saved; your text is kept below.");
            return Response.status(409).entity(form.apply(new Refusal(409, onField(mainField, problem), problem))).build();
        }
    }

    private static Refusal refusal(ProblemException e, String mainField) {
        Problem problem = e.problem();
        FieldErrors errors = e instanceof InvalidInputException invalid ? FieldErrors.of(invalid.errors())
                : onField(mainField, problem);
        return new Refusal(problem.status(), errors, problem);
    }

    private static FieldErrors onField(String field, Problem problem) {
        return FieldErrors.of(List.of(new Problem.FieldError(field, problem.detail())));
    }
}

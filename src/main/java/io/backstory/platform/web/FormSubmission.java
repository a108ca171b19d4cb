package io.backstory.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.backstory.platform.api.ProblemMappers;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.CurrentState;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotFoundException;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

/**
 * Every page form answers a refusal the same way: with the same form, the member's text still in it, and the reason
 * beside the field it concerns, under the refusal's own status (from {@link ProblemMappers}, as the API answers it).
 * Only a target that no longer exists goes to the error page, because there is no form left to show.
 */
public final class FormSubmission {

    /** Why the form is shown again: the refusal, and its messages by field. */
    public record Refusal(DomainException cause, FieldErrors errors) {

        /** The reason a person reads. */
        public String reason() {
            return cause.reason();
        }

        /** The request conflicts with the current state (edited meanwhile, already decided). */
        public boolean isConflict() {
            return cause instanceof ConflictException;
        }

        /** What an edit conflicted with, as it is now, if it is a {@code type}. */
        public <T extends CurrentState> Optional<T> current(Class<T> type) {
            return cause instanceof ConflictException conflict ? conflict.current(type) : Optional.empty();
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
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            return refused(e, mainField, form);
        } catch (OptimisticLockException e) {
            return refused(new ConflictException(
                    "Someone else changed this at the same moment. Nothing was saved; your text is kept below."),
                    mainField, form);
        }
    }

    /**
     * A page that checks a form before it is sent (a preview): shown under the status of the refusal the check
     * foresees, as sending the form would answer, or 200 when it foresees none.
     */
    public static Response checked(Optional<DomainException.Kind> foreseen, TemplateInstance page) {
        return Response.status(foreseen.map(ProblemMappers::status).orElse(Response.Status.OK.getStatusCode()))
                .entity(page).build();
    }

    private static Response refused(DomainException e, String mainField, Function<Refusal, TemplateInstance> form) {
        FieldErrors errors = FieldErrors.of(e instanceof InvalidInputException invalid ? invalid.errors()
                : List.of(new FieldError(mainField, e.reason())));
        return ProblemMappers.answer(e).entity(form.apply(new Refusal(e, errors))).build();
    }
}

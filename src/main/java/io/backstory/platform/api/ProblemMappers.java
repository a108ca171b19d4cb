package io.backstory.platform.api;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.backstory.platform.errors.BlockedException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.web.ErrorPage;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns failures into answers people can read: `application/problem+json` naming the fields at fault under
 * `/api`, an error page everywhere else. The one place where the domain's refusals ({@link DomainException}) become
 * HTTP: {@link #status} and {@link #answer} serve the page forms ({@code FormSubmission}) too.
 */
public class ProblemMappers {

    /** The status of each kind of refusal, for every answer to one. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT, INVALID_LINK -> 400;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case BLOCKED, LIMIT_REACHED -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** A refusal's answer without its body: the status, and Retry-After where trying again later can succeed. */
    public static Response.ResponseBuilder answer(DomainException refusal) {
        Response.ResponseBuilder answer = Response.status(status(refusal.kind()));
        refusal.retryAfter().ifPresent(wait -> answer.header("Retry-After", wait.toSeconds()));
        return answer;
    }

    /** A refusal as a problem document: the fields at fault, or what an edit conflicted with or screening found. */
    public static Problem problem(DomainException refusal) {
        List<FieldError> errors = refusal instanceof InvalidInputException invalid ? invalid.errors() : List.of();
        Object current = refusal instanceof ConflictException conflict ? conflict.current().orElse(null)
                : refusal instanceof BlockedException blocked ? blocked.screening() : null;
        return new Problem("about:blank", refusal.title(), status(refusal.kind()), refusal.reason(), errors, current);
    }

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        return respond(answer(e), problem(e), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        // Method validation: the path starts with the method and parameter names.
        return refused(new InvalidInputException(InputValidator.fieldErrors(e.getConstraintViolations(), 2)), uri);
    }

    /** Exact Jackson types, ahead of Quarkus' built-in mappers, so every unreadable body gets the same answer. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? jsonPath(mapping) : "body";
        String message = e instanceof JsonMappingException && !"body".equals(field)
                ? "has the wrong type or an unknown value" : "is not valid JSON";
        return refused(new InvalidInputException(field, message), uri);
    }

    /** JAX-RS' own 4xx answers (no such path, wrong method or content type, unreadable body) get a readable body too. */
    @ServerExceptionMapper
    public Uni<Response> webApplication(WebApplicationException e, UriInfo uri) {
        Response response = e.getResponse();
        if (response.hasEntity() || response.getStatus() >= 500) {
            return Uni.createFrom().item(response);
        }
        if (response.getStatus() == 400) {
            // Quarkus REST answers a body it cannot parse (malformed JSON) with a bare 400.
            return answerOnWorker(problem(new InvalidInputException("body", "is not valid JSON")), uri);
        }
        String detail = switch (response.getStatus()) {
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested format.";
            case 415 -> "This address does not accept that content type" + (isApi(uri) ? "; send application/json." : ".");
            default -> response.getStatusInfo().getReasonPhrase();
        };
        return answerOnWorker(Problem.of(response.getStatus(), response.getStatusInfo().getReasonPhrase(), detail), uri);
    }

    /** A role check refused the caller (a member opening the review queue): say so instead of a blank 403. */
    @ServerExceptionMapper
    public Uni<Response> forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return answerOnWorker(problem(new NotAllowedException(
                "Your account cannot open this. Moderation and taxonomy pages are for moderators and admins.")), uri);
    }

    /**
     * Everything else (database failures included): unreachable database is a 503 with Retry-After, text PostgreSQL
     * cannot store (a NUL character) a 400 naming the problem, anything else a logged 500 with a readable body.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return ServerFailures.respond(e, uri);
    }

    @ServerExceptionMapper
    public Response database(java.sql.SQLException e, UriInfo uri) {
        return ServerFailures.respond(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return refused(new ConflictException(
                "Someone else changed this at the same moment. Reload to see the current version."), uri);
    }

    /**
     * For failures JAX-RS finds before a page method runs (no such path, wrong method or content type, a role check):
     * they are mapped on the I/O thread, but an error page's header asks the database about the viewer (handle,
     * unread notifications), which must not block that thread, so there the page is rendered on a worker.
     */
    private static Uni<Response> answerOnWorker(Problem problem, UriInfo uri) {
        Uni<Response> answer = Uni.createFrom().item(() -> respond(problem, uri));
        return isApi(uri) || BlockingOperationControl.isBlockingAllowed() ? answer
                : answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The problem as JSON under /api, as an error page (rendered here, on the calling thread) elsewhere. */
    static Response respond(Problem problem, UriInfo uri) {
        return respond(Response.status(problem.status()), problem, uri);
    }

    private static Response respond(Response.ResponseBuilder answer, Problem problem, UriInfo uri) {
        if (isApi(uri)) {
            return answer.type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return answer.type(MediaType.TEXT_HTML_TYPE).entity(ErrorPage.render(problem).render()).build();
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

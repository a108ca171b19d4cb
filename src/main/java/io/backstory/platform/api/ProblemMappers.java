package io.backstory.platform.api;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

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
 * `/api`, an error page everywhere else.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        if (e instanceof io.backstory.platform.ratelimit.RateLimitedException limited) {
            return Response.fromResponse(response).header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        // Method validation: the path starts with the method and parameter names.
        return respond(Problem.invalid(InputValidator.fieldErrors(e.getConstraintViolations(), 2)), uri);
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
        return respond(Problem.invalid(List.of(new Problem.FieldError(field, message))), uri);
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
            return answer(Problem.invalid(List.of(new Problem.FieldError("body", "is not valid JSON"))), uri);
        }
        String detail = switch (response.getStatus()) {
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested format.";
            case 415 -> "This address does not accept that content type" + (isApi(uri) ? "; send application/json." : ".");
            default -> response.getStatusInfo().getReasonPhrase();
        };
        return answer(Problem.of(response.getStatus(), response.getStatusInfo().getReasonPhrase(), detail), uri);
    }

    /** A role check refused the caller (a member opening the review queue): say so instead of a blank 403. */
    @ServerExceptionMapper
    public Uni<Response> forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return answer(Problem.of(403, "Not allowed",
                "Your account cannot open this. Moderation and taxonomy pages are for moderators and admins."), uri);
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
        return respond(Problem.of(409, "Conflict",
                "Someone else changed this at the same moment. Reload to see the current version."), uri);
    }

    /**
     * For failures JAX-RS finds before a page method runs (no such path, wrong method or content type, a role check):
     * they are mapped on the I/O thread, but an error page's header asks the database about the viewer (handle,
     * unread notifications), which must not block that thread, so there the page is rendered on a worker.
     */
    private static Uni<Response> answer(Problem problem, UriInfo uri) {
        Uni<Response> answer = Uni.createFrom().item(() -> respond(problem, uri));
        return isApi(uri) || BlockingOperationControl.isBlockingAllowed() ? answer
                : answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The problem as JSON under /api, as an error page (rendered here, on the calling thread) elsewhere. */
    static Response respond(Problem problem, UriInfo uri) {
        if (isApi(uri)) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorPage.render(problem).render()).build();
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

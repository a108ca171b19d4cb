package io.backstory.platform.api;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.web.ErrorPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Failures no other mapper knows, sorted by what the caller can do about them: the database is unreachable (503,
 * try again), text PostgreSQL cannot store (400, change it), anything else (a logged 500 with an error id).
 * The cause chain is searched, because a database failure can surface wrapped, e.g. in a failed commit.
 */
final class ServerFailures {

    private static final Logger LOG = Logger.getLogger(ServerFailures.class);
    private static final int RETRY_AFTER_SECONDS = 10;

    private ServerFailures() {
    }

    static Response respond(Throwable e, UriInfo uri) {
        List<SQLException> causes = sqlExceptions(e);
        if (causes.stream().anyMatch(ServerFailures::meansDatabaseUnreachable)) {
            return unavailable(uri);
        }
        if (causes.stream().anyMatch(sql -> "22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
            // PostgreSQL text cannot hold U+0000; the transaction rolled back, so nothing was written.
            return ProblemMappers.respond(ProblemMappers.problem(new InvalidInputException("text",
                    "contains a NUL character (U+0000), which cannot be stored; remove it and try again")), uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Failure %s on %s", id, uri.getPath());
        return ProblemMappers.respond(Problem.of(500, "Something went wrong on our side",
                "Nothing was saved. Please try again; if it keeps happening, mention error " + id + "."), uri);
    }

    /**
     * SQLSTATE class 08 (connection exceptions: refused, closed, lost), 57P01-57P03 (server shutting down or
     * starting), or the pool giving up waiting for a connection.
     */
    private static boolean meansDatabaseUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"))
                || sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
    }

    /** Every SQLException among the causes and suppressed exceptions (a failed commit nests them deeply). */
    private static List<SQLException> sqlExceptions(Throwable e) {
        List<SQLException> found = new java.util.ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                found.add(sql);
                if (sql.getNextException() != null) {
                    todo.push(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.push(suppressed);
            }
        }
        return found;
    }

    private static Response unavailable(UriInfo uri) {
        Problem problem = Problem.of(503, "Backstory is briefly unavailable",
                "We cannot reach our database right now. Nothing you already saved is lost; "
                        + "please try again in a few seconds.");
        Response.ResponseBuilder response = Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS);
        if (ProblemMappers.isApi(uri)) {
            return response.type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        // The standalone page: the site layout asks the database about the viewer, which is what failed.
        return response.type(MediaType.TEXT_HTML_TYPE).entity(ErrorPage.renderStandalone(problem)).build();
    }
}

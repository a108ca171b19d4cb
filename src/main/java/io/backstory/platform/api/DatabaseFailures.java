package io.backstory.platform.api;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.backstory.platform.web.ErrorPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Sorts database failures by what the caller can do about them, and answers each readably. */
final class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    private static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseFailures() {
    }

    static Response respond(Throwable e, UriInfo uri) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("08") || state.startsWith("57P")) || poolTimedOut(e)) {
            return unavailable(uri);
        }
        if ("22021".equals(state) || "22P05".equals(state)) {
            // PostgreSQL text cannot hold U+0000; the transaction rolled back, so nothing was written.
            return ProblemMappers.respond(Problem.invalid(List.of(new Problem.FieldError("text",
                    "contains a NUL character (U+0000), which cannot be stored; remove it and try again"))), uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Database failure %s on %s", id, uri.getPath());
        return ProblemMappers.respond(Problem.of(500, "Something went wrong on our side",
                "Nothing was saved. Please try again; if it keeps happening, mention error " + id + "."), uri);
    }

    /** SQLSTATE of the first SQLException in the cause chain. */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean poolTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response unavailable(UriInfo uri) {
        Problem problem = Problem.of(503, "Backstory is briefly unavailable",
                "We cannot reach our database right now. Nothing you already saved is lost; "
                        + "please try again in a few seconds.");
        Response.ResponseBuilder response = Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS);
        if (uri.getPath().startsWith("/api/")) {
            return response.type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        // The standalone page: the site layout asks the database about the viewer, which is what failed.
        return response.type(MediaType.TEXT_HTML_TYPE).entity(ErrorPage.renderStandalone(problem)).build();
    }
}

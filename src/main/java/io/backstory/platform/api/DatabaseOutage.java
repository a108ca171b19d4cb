package io.backstory.platform.api;

import java.sql.SQLException;

import io.backstory.platform.web.ErrorPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Recognises "the database is not there" among persistence failures, and answers it with a 503. */
final class DatabaseOutage {

    private static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {
    }

    /**
     * SQLSTATE class 08 (connection exceptions), 57P01-57P03 (server shutting down or starting), or the pool giving
     * up waiting for a connection, anywhere in the cause chain.
     */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Response respond(UriInfo uri) {
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

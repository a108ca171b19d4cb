package io.backstory.platform.api;

import java.util.List;

/**
 * A request that cannot be carried out, with the answer to give: `application/problem+json` on the API,
 * a readable error page elsewhere ({@link ProblemMappers}).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " does not exist or is not public."));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Not allowed", detail));
    }

    public static ProblemException conflict(String detail, Object current) {
        return new ProblemException(new Problem("about:blank", "Conflict", 409, detail, List.of(), current));
    }
}

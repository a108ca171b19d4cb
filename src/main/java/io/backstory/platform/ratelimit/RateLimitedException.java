package io.backstory.platform.ratelimit;

import java.time.Duration;

import io.backstory.platform.api.Problem;
import io.backstory.platform.api.ProblemException;

/** Too many requests: a 429 whose Retry-After says when the window resets. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(int limit, Duration window, long retryAfterSeconds) {
        super(Problem.of(429, "Too many requests", "You can do this " + limit + " times per "
                + describe(window) + ". Please try again in " + retryAfterSeconds + " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String describe(Duration window) {
        return window.toDays() == 1 ? "day" : window.toHours() >= 1 ? (window.toHours() == 1 ? "hour" : window.toHours() + " hours")
                : window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
    }
}

package io.backstory.platform.errors;

import java.time.Duration;
import java.util.Optional;

/** Done too often: {@code limit} times per {@code window} at most, and the window resets in {@code retryAfterSeconds}. */
public final class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(int limit, Duration window, long retryAfterSeconds) {
        super(Kind.RATE_LIMITED, "Too many requests", "You can do this " + limit + " times per " + describe(window)
                + ". Please try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(retryAfterSeconds));
    }

    private static String describe(Duration window) {
        return window.toDays() == 1 ? "day" : window.toHours() >= 1 ? (window.toHours() == 1 ? "hour" : window.toHours() + " hours")
                : window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
    }
}

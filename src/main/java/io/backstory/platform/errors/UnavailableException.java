package io.backstory.platform.errors;

import java.time.Duration;
import java.util.Optional;

/** Something this request needs (the login service) is not answering; worth trying again after {@code retryAfter}. */
public final class UnavailableException extends DomainException {

    private final Duration retryAfter;

    public UnavailableException(String title, String reason, Duration retryAfter) {
        super(Kind.UNAVAILABLE, title, reason);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}

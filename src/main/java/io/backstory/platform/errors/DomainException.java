package io.backstory.platform.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the domain refuses, in the domain's words: which kind of refusal it is, a short headline and the reason
 * people read. Services, stores and features throw these and know nothing of HTTP; {@code platform.api.ProblemMappers}
 * alone turns a kind into a status, for the API, the error pages and the page forms alike.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFoundException, NotAllowedException,
        ConflictException, BlockedException, LimitReachedException, RateLimitedException, InvalidInputException,
        InvalidLinkException, UnavailableException {

    /** The kinds of refusal, one per subclass: what the mapping to an answer switches on. */
    public enum Kind {
        NOT_FOUND, NOT_ALLOWED, CONFLICT, BLOCKED, LIMIT_REACHED, RATE_LIMITED, INVALID_INPUT, INVALID_LINK, UNAVAILABLE
    }

    private final Kind kind;
    private final String title;

    DomainException(Kind kind, String title, String reason) {
        super(reason);
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** The headline a person reads above the reason ("Not found", "Too many drafts"). */
    public String title() {
        return title;
    }

    /** The reason a person reads; the exception's message. */
    public String reason() {
        return getMessage();
    }

    /** When trying again can succeed, where that is known (a rate limit's window, a service coming back). */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}

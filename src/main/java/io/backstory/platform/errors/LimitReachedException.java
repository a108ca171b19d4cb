package io.backstory.platform.errors;

/** A standing limit is reached (too many drafts kept): nothing more until the member makes room. */
public final class LimitReachedException extends DomainException {

    /** {@code title} names the limit ("Too many drafts"), {@code reason} says how to make room. */
    public LimitReachedException(String title, String reason) {
        super(Kind.LIMIT_REACHED, title, reason);
    }
}

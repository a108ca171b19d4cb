package io.backstory.platform.errors;

/** What was asked for does not exist, or is not there for this caller. */
public final class NotFoundException extends DomainException {

    /** {@code what} ("Post 12") does not exist, or the caller may not learn that it does. */
    public NotFoundException(String what) {
        this("Not found", what + " does not exist or is not public.");
    }

    /** Not there for this caller, under a headline that says why (a post hidden for review). */
    public NotFoundException(String title, String reason) {
        super(Kind.NOT_FOUND, title, reason);
    }
}

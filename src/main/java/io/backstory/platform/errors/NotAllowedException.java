package io.backstory.platform.errors;

/** The caller may not do this (not the author, silenced, a forged form); the reason says why. */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String why) {
        super(Kind.NOT_ALLOWED, "Not allowed", why);
    }
}

package io.backstory.platform.errors;

/** A link that was followed does not work (altered, expired, superseded); the reason says what to do instead. */
public final class InvalidLinkException extends DomainException {

    public InvalidLinkException(String title, String reason) {
        super(Kind.INVALID_LINK, title, reason);
    }
}

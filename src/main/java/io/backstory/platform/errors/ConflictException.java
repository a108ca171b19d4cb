package io.backstory.platform.errors;

import java.util.Optional;

/**
 * The request conflicts with the current state (edited meanwhile, already decided, already there); an edit conflict
 * carries the current version of what was edited.
 */
public final class ConflictException extends DomainException {

    private final transient CurrentState current;

    public ConflictException(String why) {
        this(why, null);
    }

    public ConflictException(String why, CurrentState current) {
        super(Kind.CONFLICT, "Conflict", why);
        this.current = current;
    }

    public Optional<CurrentState> current() {
        return Optional.ofNullable(current);
    }

    /** The current version if it is a {@code type} (a page knows what its form edits). */
    public <T extends CurrentState> Optional<T> current(Class<T> type) {
        return current().filter(type::isInstance).map(type::cast);
    }
}

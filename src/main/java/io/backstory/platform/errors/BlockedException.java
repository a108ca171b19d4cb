package io.backstory.platform.errors;

import io.backstory.platform.content.ScreeningOutcome;

/** Screening refuses the text; nothing was saved. The reason is the screening's notices, and it carries the result. */
public final class BlockedException extends DomainException {

    private final transient ScreeningOutcome screening;

    public BlockedException(ScreeningOutcome screening) {
        super(Kind.BLOCKED, "Not accepted", String.join(" ", screening.notices()));
        this.screening = screening;
    }

    public ScreeningOutcome screening() {
        return screening;
    }
}

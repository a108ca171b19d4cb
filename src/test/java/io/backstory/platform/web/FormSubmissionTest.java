package io.backstory.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.CurrentState;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.RateLimitedException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

/** How every page form answers a refusal: the form again, the reason beside its field, the mapping's status. */
class FormSubmissionTest {

    private static final Engine QUTE = Engine.builder().addDefaults().build();

    private final AtomicReference<FormSubmission.Refusal> shown = new AtomicReference<>();

    private TemplateInstance form(FormSubmission.Refusal refusal) {
        shown.set(refusal);
        return QUTE.parse("the form with the member's text").instance();
    }

    private Response submit(RuntimeException refusal) {
        return FormSubmission.submit("body", () -> {
            throw refusal;
        }, this::form);
    }

    @Test
    void aRefusalNamingNoFieldIsShownBesideTheMainFieldUnderItsStatus() {
        Response answer = submit(new NotAllowedException("A moderator has paused your posting."));
        assertEquals(403, answer.getStatus());
        assertEquals("A moderator has paused your posting.", shown.get().errors().get("body"));
        assertEquals("A moderator has paused your posting.", shown.get().reason());
    }

    @Test
    void invalidInputIsShownBesideEachFieldAtFault() {
        Response answer = submit(new InvalidInputException(List.of(new FieldError("title", "is required"),
                new FieldError("conditions[1]", "unknown condition 'x'"))));
        assertEquals(400, answer.getStatus());
        assertEquals("is required", shown.get().errors().get("title"));
        assertEquals("unknown condition 'x'", shown.get().errors().get("conditions"));
        assertTrue(!shown.get().errors().has("body"));
    }

    @Test
    void aRateLimitSaysWhenToTryAgain() {
        Response answer = submit(new RateLimitedException(3, Duration.ofMinutes(1), 17));
        assertEquals(429, answer.getStatus());
        assertEquals("17", answer.getHeaderString("Retry-After"));
    }

    record Edited(int version) implements CurrentState {
    }

    @Test
    void anEditConflictHandsTheFormWhatIsThereNow() {
        Edited now = new Edited(4);
        Response answer = submit(new ConflictException("Changed since you opened it.", now));
        assertEquals(409, answer.getStatus());
        assertTrue(shown.get().isConflict());
        assertSame(now, shown.get().current(Edited.class).orElseThrow());

        Response raced = submit(new OptimisticLockException("row was updated"));
        assertEquals(409, raced.getStatus());
        assertEquals("Someone else changed this at the same moment. Nothing was saved; your text is kept below.",
                shown.get().errors().get("body"));
        assertEquals(Optional.empty(), shown.get().current(Edited.class));
    }

    @Test
    void aTargetThatIsGoneGoesToTheErrorPage() {
        NotFoundException gone = new NotFoundException("Post 9");
        assertSame(gone, assertThrows(NotFoundException.class, () -> submit(gone)));
    }

    @Test
    void aCheckIsShownUnderTheStatusOfTheRefusalItForesees() {
        TemplateInstance page = QUTE.parse("preview").instance();
        assertEquals(200, FormSubmission.checked(Optional.empty(), page).getStatus());
        assertEquals(422, FormSubmission.checked(Optional.of(DomainException.Kind.BLOCKED), page).getStatus());
        assertEquals(400, FormSubmission.checked(Optional.of(DomainException.Kind.INVALID_INPUT), page).getStatus());
    }
}

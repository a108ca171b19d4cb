package io.backstory.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.platform.content.ScreeningOutcome;
import io.backstory.platform.errors.BlockedException;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.CurrentState;
import io.backstory.platform.errors.DomainException;
import io.backstory.platform.errors.FieldError;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.LimitReachedException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.errors.RateLimitedException;
import io.backstory.platform.errors.UnavailableException;
import jakarta.ws.rs.core.Response;

/** The one mapping of domain refusals to HTTP answers, as the API and the page forms give them. Plain JUnit. */
class DomainProblemsTest {

    @Test
    void eachKindOfRefusalHasTheStatusTheApiAnswersWith() {
        Map<DomainException.Kind, Integer> expected = Map.of(DomainException.Kind.NOT_FOUND, 404,
                DomainException.Kind.NOT_ALLOWED, 403, DomainException.Kind.CONFLICT, 409,
                DomainException.Kind.BLOCKED, 422, DomainException.Kind.LIMIT_REACHED, 422,
                DomainException.Kind.RATE_LIMITED, 429, DomainException.Kind.INVALID_INPUT, 400,
                DomainException.Kind.INVALID_LINK, 400, DomainException.Kind.UNAVAILABLE, 503);
        assertEquals(expected.keySet(), new java.util.HashSet<>(Arrays.asList(DomainException.Kind.values())));
        expected.forEach((kind, status) -> assertEquals(status, ProblemMappers.status(kind), kind.name()));
    }

    @Test
    void problemDocumentsKeepTheWordsPeopleRead() {
        Problem missing = ProblemMappers.problem(new NotFoundException("Post 12"));
        assertEquals(List.of("Not found", "Post 12 does not exist or is not public."), List.of(missing.title(), missing.detail()));
        assertEquals(404, missing.status());
        assertEquals("Not allowed", ProblemMappers.problem(new NotAllowedException("Only the author can edit it.")).title());
        Problem drafts = ProblemMappers.problem(new LimitReachedException("Too many drafts", "You already keep 50 drafts."));
        assertEquals(List.of("Too many drafts", "You already keep 50 drafts."), List.of(drafts.title(), drafts.detail()));
        assertEquals(422, drafts.status());
    }

    @Test
    void invalidInputNamesEachFieldAtFault() {
        Problem one = ProblemMappers.problem(new InvalidInputException("title", "is required"));
        assertEquals("title: is required", one.detail());
        List<FieldError> errors = List.of(new FieldError("title", "is required"), new FieldError("body", "is too long"),
                new FieldError("body", "has a NUL character"));
        Problem three = ProblemMappers.problem(new InvalidInputException(errors));
        assertEquals(List.of("Invalid input", "3 fields are not valid: title, body"), List.of(three.title(), three.detail()));
        assertEquals(errors, three.errors());
        assertEquals(400, three.status());
    }

    record Edited(int version) implements CurrentState {
    }

    record Screened(List<String> notices) implements ScreeningOutcome {
    }

    @Test
    void aConflictCarriesTheCurrentStateAndABlockTheScreeningResult() {
        Edited now = new Edited(3);
        ConflictException conflict = new ConflictException("It was changed since you opened it.", now);
        assertSame(now, ProblemMappers.problem(conflict).current());
        assertEquals(now, conflict.current(Edited.class).orElseThrow());
        assertNull(ProblemMappers.problem(new ConflictException("Already flagged.")).current());

        Screened result = new Screened(List.of("Links to shops are not allowed.", "Nothing was saved."));
        Problem blocked = ProblemMappers.problem(new BlockedException(result));
        assertEquals(List.of("Not accepted", "Links to shops are not allowed. Nothing was saved."),
                List.of(blocked.title(), blocked.detail()));
        assertSame(result, blocked.current());
    }

    @Test
    void waitingRefusalsSayWhenToTryAgain() {
        RateLimitedException limited = new RateLimitedException(5, Duration.ofHours(1), 42);
        assertEquals("You can do this 5 times per hour. Please try again in 42 seconds.", limited.reason());
        Response answer = ProblemMappers.answer(limited).build();
        assertEquals(429, answer.getStatus());
        assertEquals("42", answer.getHeaderString("Retry-After"));

        Response down = ProblemMappers.answer(new UnavailableException("Logging in is not possible right now", "Later.",
                Duration.ofMinutes(1))).build();
        assertEquals(503, down.getStatus());
        assertEquals("60", down.getHeaderString("Retry-After"));
        assertNull(ProblemMappers.answer(new NotFoundException("Post 1")).build().getHeaderString("Retry-After"));
    }
}

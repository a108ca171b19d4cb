package io.backstory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void numbersSkippedBelowTheHighestAreAskedForAgainUntilTheyShow() {
        ChangeCursor cursor = new ChangeCursor(10, Duration.ofMinutes(1));
        cursor.read(List.of(11L, 13L, 14L), NOW);
        assertEquals(14, cursor.highest());
        assertEquals(List.of(12L), cursor.missing(), "12 was still committing when 13 showed");
        cursor.read(List.of(12L, 16L), NOW.plusSeconds(1));
        assertEquals(16, cursor.highest());
        assertEquals(List.of(15L), cursor.missing());
    }

    @Test
    void aNumberThatNeverShowsIsForgottenAfterThePatience() {
        ChangeCursor cursor = new ChangeCursor(0, Duration.ofMinutes(1));
        cursor.read(List.of(2L), NOW);
        cursor.read(List.of(), NOW.plusSeconds(59));
        assertEquals(List.of(1L), cursor.missing());
        cursor.read(List.of(), NOW.plusSeconds(61));
        assertEquals(List.of(), cursor.missing(), "its transaction rolled back");
        assertEquals(2, cursor.highest());
    }

    @Test
    void readingNothingKeepsTheHighest() {
        ChangeCursor cursor = new ChangeCursor(7, Duration.ofMinutes(1));
        cursor.read(List.of(), NOW);
        assertEquals(7, cursor.highest());
        assertEquals(List.of(), cursor.missing());
    }
}

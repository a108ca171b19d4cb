package io.backstory.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Times as readers see them: relative within a day, a date after. */
class TemplateFormatsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private static String ago(Duration before) {
        return TemplateFormats.agoAt(NOW.minus(before), NOW);
    }

    @Test
    void withinADayTimesAreRelativeAndOlderOnesAreDates() {
        assertEquals("just now", ago(Duration.ofSeconds(30)));
        assertEquals("1 minute ago", ago(Duration.ofSeconds(61)));
        assertEquals("29 minutes ago", ago(Duration.ofMinutes(29)));
        assertEquals("23 hours ago", ago(Duration.ofHours(23).plusMinutes(59)));
        assertEquals("30 Nov 2026", ago(Duration.ofHours(24)));
        assertEquals("2 Nov 2026", ago(Duration.ofDays(29)));
        assertEquals("1 Dec 2025", ago(Duration.ofDays(365)));
        assertEquals("just now", TemplateFormats.agoAt(NOW.plusSeconds(5), NOW), "a clock a little ahead is not the future");
    }
}

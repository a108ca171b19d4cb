package io.backstory.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void manyVotesBeatAFewPerfectOnes() {
        assertTrue(Ranking.wilsonLowerBound(60, 5) > Ranking.wilsonLowerBound(3, 0));
    }

    @Test
    void matchesTheFormulaAtKnownPoints() {
        assertEquals(0.4385, Ranking.wilsonLowerBound(3, 0), 1e-4);
        assertEquals(0.8322, Ranking.wilsonLowerBound(60, 5), 1e-4);
    }

    @Test
    void hotDecaysWithAge() {
        java.time.Instant now = java.time.Instant.parse("2026-11-21T12:00:00Z");
        assertTrue(Ranking.hot(10, now) > Ranking.hot(10, now.minusSeconds(3600)), "same score, younger ranks higher");
        assertEquals(Ranking.hot(100, now.minusSeconds(45_000)), Ranking.hot(10, now), 1e-9,
                "ten times the score makes up for 12.5 hours");
        assertTrue(Ranking.hot(-5, now) < Ranking.hot(0, now), "negative scores sink");
        assertEquals(Ranking.hot(0, now), Ranking.hot(1, now), 1e-12, "0 and 1 rank alike (log10 of 1 is 0)");
    }

    @Test
    void theIntervalBracketsTheShare() {
        assertTrue(Ranking.wilsonLowerBound(8, 2) < 0.8 && 0.8 < Ranking.wilsonUpperBound(8, 2));
        assertEquals(1.0, Ranking.wilsonUpperBound(0, 0));
    }

    @Test
    void boundariesAreDefined() {
        assertEquals(0.0, Ranking.wilsonLowerBound(0, 0));
        assertEquals(0.0, Ranking.wilsonLowerBound(0, 10), 1e-12);
        assertTrue(Ranking.wilsonLowerBound(1000, 0) < 1.0);
    }
}

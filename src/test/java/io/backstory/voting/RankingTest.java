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
    void boundariesAreDefined() {
        assertEquals(0.0, Ranking.wilsonLowerBound(0, 0));
        assertEquals(0.0, Ranking.wilsonLowerBound(0, 10), 1e-12);
        assertTrue(Ranking.wilsonLowerBound(1000, 0) < 1.0);
    }
}

package io.backstory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Java ts_rank_cd against PostgreSQL 17's own: each expected rank is what PostgreSQL printed for the same pair. */
class CoverDensityTest {

    private record Case(String tsvector, String tsquery, float rank) {
    }

    /** {@code select v::text, q::text, ts_rank_cd(v, q)} for tsvectors with weights and repeated positions. */
    private static final List<Case> POSTGRESQL = List.of(
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "'back'", 2.6f),
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "'back' & 'pain'", 0.45666668f),
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "'back' | 'heat'", 3f),
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "'pain' & !'ice'", 0.8f),
                new Case("'a':1,3 'b':2C,9B 'c':4A,5,6 'o''reilli':7", "'a' & 'b'", 0.29333335f),
                new Case("'a':1,3 'b':2C,9B 'c':4A,5,6 'o''reilli':7", "( 'a' | 'c' ) & 'b'", 0.32f),
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "'x' & 'y'", 0f),
                new Case("'a':1,3 'b':2C,9B 'c':4A,5,6 'o''reilli':7", "'x' & 'y'", 0f),
                new Case("'x':1,2,3,4,5,6,7,8,9,10 'y':20", "'x' & 'y'", 0.01f),
                new Case("'x' 'y':3 'z':3A", "'x' & 'y'", 0f),
                new Case("'x' 'y':3 'z':3A", "'y' & 'z'", 0.18181819f),
                new Case("'back':2A,5A,11B,56C 'heat':3C,57C 'ice':58C 'pain':12B,16B,60C", "!'a' | 'x'", 0f),
                new Case("'a':1,3 'b':2C,9B 'c':4A,5,6 'o''reilli':7", "!'a' | 'x'", 0f),
                new Case("'x':1,2,3,4,5,6,7,8,9,10 'y':20", "!'a' | 'x'", 1f),
                new Case("'x' 'y':3 'z':3A", "!'a' | 'x'", 0f),
                new Case("'a':1,3 'b':2C,9B 'c':4A,5,6 'o''reilli':7", "'c' & 'c' & 'a'", 0.18181819f),
                new Case("'x':1,2,3,4,5,6,7,8,9,10 'y':20", "'y' | !'b'", 0.1f),
                new Case("'x' 'y':3 'z':3A", "'y' | !'b'", 0.1f));

    @Test
    void ranksAsPostgresqlDoes() {
        for (Case c : POSTGRESQL) {
            TsQuery.Parsed query = TsQuery.parse(c.tsquery()).orElseThrow();
            assertEquals(c.rank(), CoverDensity.rank(query, CoverDensity.parse(c.tsvector())), c.tsvector() + " / " + c.tsquery());
        }
    }

    @Test
    void readsLexemesPositionsAndWeightsAsPostgresqlPrintsThem() {
        assertEquals(List.of(new CoverDensity.Occurrence("back", 2, 3), new CoverDensity.Occurrence("back", 5, 0),
                new CoverDensity.Occurrence("o'reilli", 7, 1), new CoverDensity.Occurrence("back\\slash", 1, 2),
                new CoverDensity.Occurrence("bare", 0, 0)),
                CoverDensity.parse("'back':2A,5 'o''reilli':7C 'back\\\\slash':1B 'bare'"));
    }

    @Test
    void theOrderOfEntriesDoesNotChangeTheRank() {
        TsQuery.Parsed query = TsQuery.parse("'back' & 'pain'").orElseThrow();
        List<CoverDensity.Occurrence> occurrences = CoverDensity.parse("'back':2A,5A,11B,56C 'pain':12B,16B,60C");
        List<CoverDensity.Occurrence> reversed = new ArrayList<>(occurrences);
        Collections.reverse(reversed);
        assertEquals(CoverDensity.rank(query, occurrences), CoverDensity.rank(query, reversed));
    }
}

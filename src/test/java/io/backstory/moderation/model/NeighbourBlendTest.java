package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeighbourBlendTest {

    /** A classifier that always says benign for sure: whatever the blend adds comes from the neighbours. */
    private static final Classifier SURE_BENIGN = row -> new double[] {1, 0, 0, 0};

    /** Three unsafe rows around (1, 0) and three benign rows around (0, 1). */
    private static final float[][] ROWS = {{1, 0.1f}, {1, -0.1f}, {1, 0}, {0.1f, 1}, {-0.1f, 1}, {0, 1}};
    private static final int[] LABELS = {1, 1, 1, 0, 0, 0};
    private static final double[] EVEN = {1, 1, 1, 1};

    @Test
    void theMostSimilarRowsMoveTheProbabilitiesTowardsTheirLabelByTheirShare() {
        NeighbourBlend blend = new NeighbourBlend(SURE_BENIGN, ROWS, LABELS, EVEN, 3, 0.3, 0.5);
        double[] p = blend.probabilities(new float[] {2, 0.05f});
        assertEquals(0.3, p[SentenceLabel.UNSAFE_ADVICE.ordinal()], 1e-9, "all three neighbours are unsafe");
        assertEquals(0.7, p[SentenceLabel.BENIGN.ordinal()], 1e-9);
        assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-9);
    }

    @Test
    void classWeightsWeighTheVotes() {
        NeighbourBlend blend = new NeighbourBlend(SURE_BENIGN, ROWS, LABELS, new double[] {3, 1, 1, 1}, 6, 1.0, -1);
        double[] p = blend.probabilities(new float[] {1, 1});
        assertEquals(0.75, p[SentenceLabel.BENIGN.ordinal()], 1e-9, "three benign votes of 3 against three of 1");
    }

    @Test
    void neighboursLessSimilarThanTheFloorVoteBenign() {
        NeighbourBlend blend = new NeighbourBlend(SURE_BENIGN, ROWS, LABELS, EVEN, 3, 0.3, 0.9);
        // at 45 degrees from both clusters: the nearest unsafe rows are about 0.7 similar, under the floor
        double[] p = blend.probabilities(new float[] {1, 1.05f});
        assertEquals(0.0, p[SentenceLabel.UNSAFE_ADVICE.ordinal()], 1e-9);
        assertTrue(p[SentenceLabel.BENIGN.ordinal()] > 0.999);
    }
}

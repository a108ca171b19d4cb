package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void cosinesAreTheSameDoublesAsOneByOne() {
        Random random = new Random(7);
        float[][] rows = new float[11][]; // not a multiple of four: the last rows go one by one
        for (int i = 0; i < rows.length; i++) {
            rows[i] = randomRow(random, 387);
        }
        float[] v = randomRow(random, 387);
        double[] cosines = new Rows(rows).cosines(v);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(Rows.cosine(rows[i], v), cosines[i], 0.0, "row " + i);
        }
    }

    @Test
    void cosineOfParallelAndOrthogonalRows() {
        assertEquals(1.0, Rows.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(0.0, Rows.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-9);
        assertEquals(-1.0, Rows.cosine(new float[] {1, 1}, new float[] {-1, -1}), 1e-9);
    }

    @Test
    void nearestAreTheLargestFirstAndOfEqualOnesTheEarlierRow() {
        double[] similarity = {0.1, 0.9, 0.5, 0.9, 0.7, 0.2};
        assertArrayEquals(new int[] {1, 3, 4}, Rows.nearest(similarity, 3, i -> true));
        assertArrayEquals(new int[] {3, 4, 2}, Rows.nearest(similarity, 3, i -> i != 1));
    }

    @Test
    void fewerNearestWhenFewerRowsAreAccepted() {
        double[] similarity = {0.3, 0.8, 0.6};
        assertArrayEquals(new int[] {2, 0}, Rows.nearest(similarity, 5, i -> i != 1));
        assertArrayEquals(new int[0], Rows.nearest(similarity, 2, i -> false));
    }

    private static float[] randomRow(Random random, int d) {
        float[] row = new float[d];
        for (int j = 0; j < d; j++) {
            row[j] = (float) random.nextGaussian();
        }
        return row;
    }
}

package io.backstory.moderation.model;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Rows of features (training sentences) compared by cosine with one row at a time: the nearest of a judged sentence.
 * Each row's sum of squares is kept, so a comparison costs one dot product per row.
 */
final class Rows {

    private final float[][] rows; // as given, not copied
    private final double[] squares;

    Rows(float[][] rows) {
        this.rows = rows;
        this.squares = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            squares[i] = squares(rows[i]);
        }
    }

    /**
     * The cosine of {@code v} with every row, as {@link #cosine} gives it one by one (the same doubles). The scan is the
     * costly part of judging a sentence and of calibrating a model: it takes four rows at a time, so that four sums
     * grow side by side instead of each waiting on its last addition; each still adds in index order.
     */
    double[] cosines(float[] v) {
        double vSquares = squares(v);
        double[] out = new double[rows.length];
        int d = v.length;
        int i = 0;
        for (; i + 3 < rows.length; i += 4) {
            float[] a = rows[i];
            float[] b = rows[i + 1];
            float[] c = rows[i + 2];
            float[] e = rows[i + 3];
            double da = 0;
            double db = 0;
            double dc = 0;
            double de = 0;
            for (int j = 0; j < d; j++) {
                float x = v[j];
                da += a[j] * x;
                db += b[j] * x;
                dc += c[j] * x;
                de += e[j] * x;
            }
            out[i] = da / Math.sqrt(squares[i] * vSquares + 1e-12);
            out[i + 1] = db / Math.sqrt(squares[i + 1] * vSquares + 1e-12);
            out[i + 2] = dc / Math.sqrt(squares[i + 2] * vSquares + 1e-12);
            out[i + 3] = de / Math.sqrt(squares[i + 3] * vSquares + 1e-12);
        }
        for (; i < rows.length; i++) {
            out[i] = cosine(rows[i], v);
        }
        return out;
    }

    /**
     * The indices of the {@code k} largest similarities among the rows {@code among} accepts, largest first; of equal
     * ones the earlier row first, as a stable sort would give them. Fewer when fewer are accepted.
     */
    static int[] nearest(double[] similarity, int k, IntPredicate among) {
        int[] best = new int[k];
        int found = 0;
        for (int i = 0; i < similarity.length; i++) {
            if (!among.test(i) || (found == k && similarity[i] <= similarity[best[k - 1]])) {
                continue;
            }
            int at = found < k ? found++ : k - 1; // insertion into the sorted few
            while (at > 0 && similarity[best[at - 1]] < similarity[i]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return Arrays.copyOf(best, found);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
        }
        return dot / Math.sqrt(squares(a) * squares(b) + 1e-12);
    }

    private static double squares(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f * f;
        }
        return sum;
    }
}

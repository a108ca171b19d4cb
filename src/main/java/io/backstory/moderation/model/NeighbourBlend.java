package io.backstory.moderation.model;

import java.util.Arrays;

/**
 * A classifier's probabilities blended with a vote of the training rows most like the one judged (cosine over the
 * standardised features), each vote weighted by its label's class weight. The regression draws one straight boundary
 * through the whole space; the neighbours know the local shape of it (a phrasing of unsafe advice the boundary puts on
 * the benign side, a look-alike it puts on the other). A neighbour less similar than {@link #floor} votes benign: ordinary
 * prose unlike anything labelled is not pulled towards a category by whatever happens to be nearest.
 */
final class NeighbourBlend implements Classifier {

    private final Classifier base;
    private final float[][] rows; // the training rows as given (not copied)
    private final double[] inverseNorm;
    private final int[] labels;
    private final double[] classWeight;
    private final int neighbours;
    private final double share;
    private final double floor;

    /**
     * @param neighbours how many of the most similar rows vote
     * @param share the vote's part of the blend, the classifier's being the rest
     * @param floor the similarity under which a neighbour votes benign whatever its label
     */
    NeighbourBlend(Classifier base, float[][] x, int[] y, double[] classWeight, int neighbours, double share, double floor) {
        this.base = base;
        this.rows = x;
        this.inverseNorm = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            inverseNorm[i] = 1 / norm(x[i]);
        }
        this.labels = y;
        this.classWeight = classWeight.clone();
        this.neighbours = Math.min(neighbours, x.length);
        this.share = share;
        this.floor = floor;
    }

    @Override
    public double[] probabilities(float[] row) {
        double[] p = base.probabilities(row);
        double[] similarity = new double[neighbours];
        int[] label = new int[neighbours];
        Arrays.fill(similarity, Double.NEGATIVE_INFINITY);
        double inverse = 1 / norm(row);
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            double dot = 0;
            for (int j = 0; j < r.length; j++) {
                dot += r[j] * row[j];
            }
            double s = dot * inverseNorm[i] * inverse;
            if (s > similarity[neighbours - 1]) {
                int at = neighbours - 1; // insertion into the sorted few
                while (at > 0 && similarity[at - 1] < s) {
                    similarity[at] = similarity[at - 1];
                    label[at] = label[at - 1];
                    at--;
                }
                similarity[at] = s;
                label[at] = labels[i];
            }
        }
        double[] vote = new double[p.length];
        double total = 0;
        for (int i = 0; i < neighbours; i++) {
            double weight = classWeight[label[i]];
            vote[similarity[i] >= floor ? label[i] : SentenceLabel.BENIGN.ordinal()] += weight;
            total += weight;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = (1 - share) * p[k] + share * vote[k] / total;
        }
        return p;
    }

    private static double norm(float[] v) {
        double squares = 0;
        for (float f : v) {
            squares += f * f;
        }
        return Math.sqrt(squares + 1e-12);
    }
}

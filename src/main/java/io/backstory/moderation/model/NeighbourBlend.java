package io.backstory.moderation.model;

/**
 * A classifier's probabilities blended with a vote of the training rows most like the one judged (cosine over the
 * standardised features), each vote weighted by its label's class weight. The regression draws one straight boundary
 * through the whole space; the neighbours know the local shape of it (a phrasing of unsafe advice the boundary puts on
 * the benign side, a look-alike it puts on the other). A neighbour less similar than {@link #floor} votes benign: ordinary
 * prose unlike anything labelled is not pulled towards a category by whatever happens to be nearest.
 */
final class NeighbourBlend implements Classifier {

    private final Classifier base;
    private final Rows rows;
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
        this.rows = new Rows(x);
        this.labels = y;
        this.classWeight = classWeight.clone();
        this.neighbours = Math.min(neighbours, x.length);
        this.share = share;
        this.floor = floor;
    }

    Classifier base() {
        return base;
    }

    @Override
    public double[] probabilities(float[] row) {
        double[] p = base.probabilities(row);
        double[] similarity = rows.cosines(row);
        double[] vote = new double[p.length];
        double total = 0;
        for (int i : Rows.nearest(similarity, neighbours, any -> true)) {
            double weight = classWeight[labels[i]];
            vote[similarity[i] >= floor ? labels[i] : SentenceLabel.BENIGN.ordinal()] += weight;
            total += weight;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = (1 - share) * p[k] + share * vote[k] / total;
        }
        return p;
    }
}

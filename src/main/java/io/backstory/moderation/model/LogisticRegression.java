package io.backstory.moderation.model;

import java.util.Arrays;

/**
 * Multinomial logistic regression (softmax over the labels), trained by mini-batch gradient descent (Adam) with L2
 * regularisation and per-class weights. Small and exact enough for a few thousand sentence embeddings: a training
 * run takes about a second, so retraining on stored embeddings needs no library. The weights returned are the average
 * of those after each step of the second half of the passes: Adam at a constant step leaves the last weights wherever
 * the last mini-batches pushed them, and their average is steadier (README, "Screening figures").
 */
public final class LogisticRegression implements Classifier {

    private final double[][] weights; // [label][feature], the last column is the bias

    private LogisticRegression(double[][] weights) {
        this.weights = weights;
    }

    /**
     * Trains on rows {@code x} with label indices {@code y} in [0, labels). {@code classWeight[k]} scales the loss of
     * label k's rows (a larger benign weight makes the model slower to call a sentence unsafe).
     */
    public static LogisticRegression train(float[][] x, int[] y, int labels, double[] classWeight, Options options) {
        int n = x.length;
        int d = x[0].length;
        double[][] w = new double[labels][d + 1];
        double[][] m = new double[labels][d + 1]; // Adam's running means and squares: converges in few passes
        double[][] v = new double[labels][d + 1];
        double meanWeight = 0;
        for (int label : y) {
            meanWeight += classWeight[label] / n;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random random = new java.util.Random(42); // the same data always gives the same model
        double[] p = new double[labels];
        double[][] grad = new double[labels][d + 1];
        double[][] average = new double[labels][d + 1];
        int averaged = 0;
        int step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += options.batchSize()) {
                int to = Math.min(n, from + options.batchSize());
                for (double[] g : grad) {
                    Arrays.fill(g, 0);
                }
                for (int b = from; b < to; b++) {
                    int i = order[b];
                    scores(w, x[i], p);
                    softmax(p);
                    double rowWeight = classWeight[y[i]] / (meanWeight * (to - from));
                    float[] row = x[i];
                    for (int k = 0; k < labels; k++) {
                        double error = rowWeight * (p[k] - (y[i] == k ? 1 : 0));
                        double[] g = grad[k];
                        for (int j = 0; j < d; j++) {
                            g[j] += error * row[j];
                        }
                        g[d] += error;
                    }
                }
                step++;
                double correction1 = 1 - Math.pow(0.9, step);
                double correction2 = 1 - Math.pow(0.999, step);
                for (int k = 0; k < labels; k++) {
                    for (int j = 0; j <= d; j++) {
                        double g = grad[k][j] + (j < d ? options.l2() * w[k][j] : 0);
                        m[k][j] = 0.9 * m[k][j] + 0.1 * g;
                        v[k][j] = 0.999 * v[k][j] + 0.001 * g * g;
                        w[k][j] -= options.learningRate() * (m[k][j] / correction1) / (Math.sqrt(v[k][j] / correction2) + 1e-8);
                    }
                }
                if (epoch >= options.epochs() / 2) {
                    averaged++;
                    for (int k = 0; k < labels; k++) {
                        for (int j = 0; j <= d; j++) {
                            average[k][j] += (w[k][j] - average[k][j]) / averaged;
                        }
                    }
                }
            }
        }
        return new LogisticRegression(average);
    }

    /** A regression with these weights ([label][feature], the bias last), as {@link #weights} gave them. */
    static LogisticRegression of(double[][] weights) {
        return new LogisticRegression(copy(weights));
    }

    double[][] weights() {
        return copy(weights);
    }

    private static double[][] copy(double[][] weights) {
        return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /** The probability of each label for one row. */
    @Override
    public double[] probabilities(float[] row) {
        double[] p = new double[weights.length];
        scores(weights, row, p);
        softmax(p);
        return p;
    }

    /** Passes over the data, rows per gradient step, Adam's step size, L2 penalty. */
    public record Options(int epochs, int batchSize, double learningRate, double l2) {
        public static final Options DEFAULT = new Options(60, 32, 0.01, 0.003);
    }

    /**
     * Each label's score: its bias plus the weighted features, added in index order. Two labels at a time, so that
     * their sums grow side by side instead of each waiting on its last addition (the same doubles either way).
     */
    private static void scores(double[][] w, float[] row, double[] out) {
        int d = row.length;
        int k = 0;
        for (; k + 1 < w.length; k += 2) {
            double[] a = w[k];
            double[] b = w[k + 1];
            double sa = a[d];
            double sb = b[d];
            for (int j = 0; j < d; j++) {
                double x = row[j];
                sa += a[j] * x;
                sb += b[j] * x;
            }
            out[k] = sa;
            out[k + 1] = sb;
        }
        for (; k < w.length; k++) {
            double s = w[k][d];
            for (int j = 0; j < d; j++) {
                s += w[k][j] * row[j];
            }
            out[k] = s;
        }
    }

    private static void softmax(double[] s) {
        double max = Arrays.stream(s).max().orElse(0);
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
    }
}

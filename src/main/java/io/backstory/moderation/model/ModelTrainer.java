package io.backstory.moderation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link ScreeningModel} and calibrates its thresholds on held-out predictions: the training examples are
 * split into folds, each fold is judged by a regression trained on the others, and each category's threshold is set
 * so that at most its share of benign sentences would be flagged. A false hold withholds a member's words, so the
 * red-flag hold threshold allows far fewer benign sentences than the flag thresholds.
 */
public final class ModelTrainer {

    /** Share of benign training sentences each category may flag (together at most 5%). */
    static final Map<SentenceLabel, Double> FLAG_BUDGET = Map.of(
            SentenceLabel.UNSAFE_ADVICE, 0.025, SentenceLabel.RED_FLAG, 0.015, SentenceLabel.SPAM, 0.01);
    static final double HOLD_BUDGET = 0;
    /** Never flag below this probability, whatever the budget allows. */
    static final double MIN_THRESHOLD = 0.35;
    private static final int FOLDS = 4;

    private final LogisticRegression.Options options;
    private final double benignWeight;

    public ModelTrainer(LogisticRegression.Options options, double benignWeight) {
        this.options = options;
        this.benignWeight = benignWeight;
    }

    public static ModelTrainer standard() {
        return new ModelTrainer(LogisticRegression.Options.DEFAULT, 2.0);
    }

    public ScreeningModel train(List<Example> examples) {
        double[][] heldOut = new double[examples.size()][];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> rest = new ArrayList<>();
            List<Integer> judged = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % FOLDS == fold) {
                    judged.add(i);
                } else {
                    rest.add(examples.get(i));
                }
            }
            LogisticRegression regression = regression(rest);
            for (int i : judged) {
                heldOut[i] = regression.probabilities(examples.get(i).features());
            }
        }
        return new ScreeningModel(regression(examples), calibrate(examples, heldOut), examples);
    }

    private LogisticRegression regression(List<Example> examples) {
        float[][] x = new float[examples.size()][];
        int[] y = new int[examples.size()];
        int[] counts = new int[SentenceLabel.values().length];
        for (int i = 0; i < examples.size(); i++) {
            x[i] = examples.get(i).features();
            y[i] = examples.get(i).label().ordinal();
            counts[y[i]]++;
        }
        double[] classWeight = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            // balance the labels, then lean towards benign
            classWeight[k] = counts[k] == 0 ? 0 : (double) examples.size() / (counts.length * counts[k])
                    * (k == SentenceLabel.BENIGN.ordinal() ? benignWeight : 1);
        }
        return LogisticRegression.train(x, y, counts.length, classWeight, options);
    }

    static ScreeningModel.Thresholds calibrate(List<Example> examples, double[][] heldOut) {
        Map<SentenceLabel, Double> flag = new EnumMap<>(SentenceLabel.class);
        for (SentenceLabel label : SentenceLabel.values()) {
            if (label != SentenceLabel.BENIGN) {
                flag.put(label, Math.max(MIN_THRESHOLD, benignQuantile(examples, heldOut, label, FLAG_BUDGET.get(label))));
            }
        }
        double hold = Math.max(0.97, benignQuantile(examples, heldOut, SentenceLabel.RED_FLAG, HOLD_BUDGET));
        return new ScreeningModel.Thresholds(flag, Math.max(hold, flag.get(SentenceLabel.RED_FLAG)));
    }

    /** The probability of {@code label} that only {@code budget} of the benign sentences reach. */
    private static double benignQuantile(List<Example> examples, double[][] heldOut, SentenceLabel label, double budget) {
        double[] scores = new double[examples.size()];
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).label() == SentenceLabel.BENIGN) {
                scores[n++] = heldOut[i][label.ordinal()];
            }
        }
        if (n == 0) {
            return 1;
        }
        double[] benign = Arrays.copyOf(scores, n);
        Arrays.sort(benign);
        int allowed = (int) Math.floor(budget * n);
        return Math.nextUp(benign[n - 1 - allowed]);
    }
}

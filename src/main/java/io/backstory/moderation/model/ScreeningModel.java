package io.backstory.moderation.model;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.backstory.moderation.ScreeningAction;

/**
 * A trained screening model: the regression, a threshold per category above which a sentence is flagged, a higher
 * one above which a red flag is held, and the labelled examples it learnt from (to show the most similar ones).
 * Immutable; a retrain makes a new one.
 */
public final class ScreeningModel {

    /**
     * What the model says of one sentence: null category when nothing is over its threshold; {@code ruleCeiling}, its
     * second opinion on the rules that matched in it, whatever the verdict.
     */
    public record Verdict(SentenceLabel label, double confidence, ScreeningAction action, List<String> similar,
            Map<SentenceLabel, ScreeningAction> ruleCeiling) {

        static Verdict benign(Map<SentenceLabel, ScreeningAction> ruleCeiling) {
            return new Verdict(SentenceLabel.BENIGN, 0, ScreeningAction.ALLOW, List.of(), ruleCeiling);
        }

        /**
         * The model's second opinion on a rule of this category that matched the sentence: the most the rule may do
         * with it. HOLD (no change) unless the model reads the sentence as benign with the assurance calibrated for the
         * category: then a rule's hold becomes a flag (published, a moderator reads it), or when it is surer still, a
         * rule's flag becomes the safety note alone.
         */
        public ScreeningAction ruleCeiling(SentenceLabel category) {
            return ruleCeiling.getOrDefault(category, ScreeningAction.HOLD);
        }
    }

    /**
     * Flag and hold thresholds, how similar an agreeing neighbour must be, per category; and the second opinion on the
     * rules: the probability of benign at or over which a rule of the category may only flag ({@code benignToFlag}),
     * or only note ({@code benignToNote}).
     */
    public record Thresholds(Map<SentenceLabel, Double> flag, double redFlagHold, Map<SentenceLabel, Double> neighbourFloor,
            Map<SentenceLabel, Double> benignToFlag, Map<SentenceLabel, Double> benignToNote) {
    }

    /**
     * A flag needs {@value #AGREEING} of the {@value #NEIGHBOURS} labelled sentences most like this one to carry its
     * label, each at least as similar as the category's floor: ordinary prose unlike anything labelled (a list of
     * stretches, a thank-you, a line of a long story) can fall on the wrong side of a linear boundary, and its
     * neighbours, being benign or far away, keep it unflagged.
     */
    static final int NEIGHBOURS = 5;
    static final int AGREEING = 2;

    private final Standardiser standardiser;
    private final Classifier classifier;
    private final Thresholds thresholds;
    private final List<Example> examples;

    /** {@code examples} are standardised already; sentences to judge are standardised by {@code standardiser}. */
    ScreeningModel(Standardiser standardiser, Classifier classifier, Thresholds thresholds, List<Example> examples) {
        this.standardiser = standardiser;
        this.classifier = classifier;
        this.thresholds = new Thresholds(new EnumMap<>(thresholds.flag()), thresholds.redFlagHold(),
                new EnumMap<>(thresholds.neighbourFloor()), new EnumMap<>(thresholds.benignToFlag()),
                new EnumMap<>(thresholds.benignToNote()));
        this.examples = List.copyOf(examples);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The label the model calls for these features, with the labelled sentences most like it. */
    public Verdict judge(float[] raw) {
        float[] features = standardiser.apply(raw);
        double[] p = classifier.probabilities(features);
        Map<SentenceLabel, ScreeningAction> ruleCeiling = ruleCeiling(p[SentenceLabel.BENIGN.ordinal()]);
        SentenceLabel best = null;
        for (SentenceLabel label : SentenceLabel.values()) {
            if (label != SentenceLabel.BENIGN && p[label.ordinal()] >= thresholds.flag().get(label)
                    && (best == null || p[label.ordinal()] > p[best.ordinal()])) {
                best = label;
            }
        }
        if (best == null) {
            return Verdict.benign(ruleCeiling);
        }
        List<Example> nearest = nearestFirst(features);
        SentenceLabel label = best;
        double floor = thresholds.neighbourFloor().get(label);
        if (nearest.stream().limit(NEIGHBOURS).filter(e -> e.label() == label && cosine(e.features(), features) >= floor)
                .count() < AGREEING) {
            return Verdict.benign(ruleCeiling);
        }
        double confidence = p[best.ordinal()];
        ScreeningAction action = best == SentenceLabel.RED_FLAG && confidence >= thresholds.redFlagHold()
                ? ScreeningAction.HOLD : ScreeningAction.FLAG;
        return new Verdict(best, confidence, action,
                nearest.stream().filter(e -> e.label() == label).map(Example::text).distinct().limit(3).toList(), ruleCeiling);
    }

    private Map<SentenceLabel, ScreeningAction> ruleCeiling(double benign) {
        Map<SentenceLabel, ScreeningAction> ceiling = new EnumMap<>(SentenceLabel.class);
        thresholds.benignToFlag().forEach((label, level) -> {
            if (benign >= thresholds.benignToNote().get(label)) {
                ceiling.put(label, ScreeningAction.NOTICE);
            } else if (benign >= level) {
                ceiling.put(label, ScreeningAction.FLAG);
            }
        });
        return Map.copyOf(ceiling);
    }

    /**
     * The sentence as the model reads it for its second opinion on the rules ({@link Verdict#ruleCeiling}): with every
     * professional named replaced by "someone", so that "my pharmacist says take double the ibuprofen" is not cleared on
     * the pharmacist's name; which clause a professional's word governs is the rules' call (the "doctor says" bypass).
     */
    public static String forSecondOpinion(String sentence) {
        return ContextFeatures.withoutProfessionals(sentence);
    }

    /** The labelled sentences, most similar first. */
    private List<Example> nearestFirst(float[] features) {
        double[] similarity = new double[examples.size()];
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = cosine(examples.get(i).features(), features);
        }
        return java.util.stream.IntStream.range(0, similarity.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -similarity[i])).map(examples::get).toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb + 1e-12);
    }
}

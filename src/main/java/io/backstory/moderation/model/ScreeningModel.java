package io.backstory.moderation.model;

import java.util.Arrays;
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
    /** How many similar labelled sentences a verdict shows moderators. */
    static final int SIMILAR_SHOWN = 3;

    private final Standardiser standardiser;
    private final Classifier classifier;
    private final Thresholds thresholds;
    private final List<Example> examples;
    private final Rows rows;

    /** {@code examples} are standardised already; sentences to judge are standardised by {@code standardiser}. */
    ScreeningModel(Standardiser standardiser, Classifier classifier, Thresholds thresholds, List<Example> examples) {
        this.standardiser = standardiser;
        this.classifier = classifier;
        this.thresholds = new Thresholds(new EnumMap<>(thresholds.flag()), thresholds.redFlagHold(),
                new EnumMap<>(thresholds.neighbourFloor()), new EnumMap<>(thresholds.benignToFlag()),
                new EnumMap<>(thresholds.benignToNote()));
        this.examples = List.copyOf(examples);
        this.rows = new Rows(this.examples.stream().map(Example::features).toArray(float[][]::new));
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    Classifier classifier() {
        return classifier;
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
        double[] similarity = rows.cosines(features);
        SentenceLabel label = best;
        double floor = thresholds.neighbourFloor().get(label);
        if (Arrays.stream(Rows.nearest(similarity, NEIGHBOURS, any -> true))
                .filter(i -> examples.get(i).label() == label && similarity[i] >= floor).count() < AGREEING) {
            return Verdict.benign(ruleCeiling);
        }
        double confidence = p[best.ordinal()];
        ScreeningAction action = best == SentenceLabel.RED_FLAG && confidence >= thresholds.redFlagHold()
                ? ScreeningAction.HOLD : ScreeningAction.FLAG;
        return new Verdict(best, confidence, action, similarTexts(similarity, label), ruleCeiling);
    }

    /** The texts of the (at most) three labelled sentences of this label most like the judged one, each text once. */
    private List<String> similarTexts(double[] similarity, SentenceLabel label) {
        // a text can be labelled twice (a moderator's lesson on a training sentence): look further until three differ
        for (int k = SIMILAR_SHOWN;; k *= 2) {
            int[] nearest = Rows.nearest(similarity, k, i -> examples.get(i).label() == label);
            List<String> texts = Arrays.stream(nearest).mapToObj(i -> examples.get(i).text()).distinct()
                    .limit(SIMILAR_SHOWN).toList();
            if (texts.size() == SIMILAR_SHOWN || nearest.length < k) {
                return texts;
            }
        }
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
}

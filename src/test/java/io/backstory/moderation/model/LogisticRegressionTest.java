package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.ScreeningAction;

class LogisticRegressionTest {

    /** Four clusters around the corners of a square, one label each, with noise. */
    private static List<Example> clusters(int perLabel, long seed) {
        Random random = new Random(seed);
        float[][] centres = {{0, 0}, {4, 0}, {0, 4}, {4, 4}};
        List<Example> examples = new ArrayList<>();
        for (SentenceLabel label : SentenceLabel.values()) {
            for (int i = 0; i < perLabel; i++) {
                float[] c = centres[label.ordinal()];
                examples.add(new Example(label, label + " " + i,
                        new float[] {c[0] + (float) random.nextGaussian(), c[1] + (float) random.nextGaussian()}));
            }
        }
        return examples;
    }

    @Test
    void learnsSeparableLabelsAndGivesProbabilitiesThatSumToOne() {
        List<Example> examples = clusters(50, 1);
        float[][] x = examples.stream().map(Example::features).toArray(float[][]::new);
        int[] y = examples.stream().mapToInt(e -> e.label().ordinal()).toArray();
        LogisticRegression regression = LogisticRegression.train(x, y, 4, new double[] {1, 1, 1, 1},
                new LogisticRegression.Options(50, 16, 0.05, 1e-4));
        int right = 0;
        for (Example e : clusters(25, 2)) {
            double[] p = regression.probabilities(e.features());
            assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-9);
            int best = 0;
            for (int k = 1; k < 4; k++) {
                best = p[k] > p[best] ? k : best;
            }
            right += best == e.label().ordinal() ? 1 : 0;
        }
        assertTrue(right >= 90, right + " of 100 right");
    }

    @Test
    void aHeavierBenignWeightMakesTheModelSlowerToCallAnythingElse() {
        List<Example> examples = clusters(50, 3);
        float[][] x = examples.stream().map(Example::features).toArray(float[][]::new);
        int[] y = examples.stream().mapToInt(e -> e.label().ordinal()).toArray();
        float[] between = {2, 0}; // halfway between the benign and the unsafe cluster
        double even = LogisticRegression.train(x, y, 4, new double[] {1, 1, 1, 1}, LogisticRegression.Options.DEFAULT)
                .probabilities(between)[SentenceLabel.UNSAFE_ADVICE.ordinal()];
        double leaning = LogisticRegression.train(x, y, 4, new double[] {4, 1, 1, 1}, LogisticRegression.Options.DEFAULT)
                .probabilities(between)[SentenceLabel.UNSAFE_ADVICE.ordinal()];
        assertTrue(leaning < even, leaning + " vs " + even);
    }

    @Test
    void calibratedThresholdsFlagAtMostTheBudgetOfBenignExamplesAndHoldFarFewer() {
        List<Example> examples = clusters(200, 4);
        ScreeningModel model = ModelTrainer.standard().train(examples);
        long benignFlagged = clusters(200, 5).stream().filter(e -> e.label() == SentenceLabel.BENIGN)
                .filter(e -> model.judge(e.features()).label() != SentenceLabel.BENIGN).count();
        assertTrue(benignFlagged <= 200 * 0.10, benignFlagged + " of 200 benign flagged");
        assertTrue(model.thresholds().redFlagHold() >= model.thresholds().flag().get(SentenceLabel.RED_FLAG));
        ScreeningModel.Verdict redFlag = model.judge(new float[] {0, 6});
        assertEquals(SentenceLabel.RED_FLAG, redFlag.label());
        assertEquals(3, redFlag.similar().size());
        assertTrue(redFlag.similar().stream().allMatch(s -> s.startsWith("RED_FLAG")));
    }

    @Test
    void theSecondOpinionLowersTheRulesOnSurelyBenignSentencesAndRarelyOnTheirOwnCategory() {
        ScreeningModel model = ModelTrainer.standard().train(clusters(200, 4));
        ScreeningModel.Thresholds thresholds = model.thresholds();
        assertTrue(thresholds.benignToFlag().get(SentenceLabel.UNSAFE_ADVICE) >= 0.5);
        assertTrue(thresholds.benignToNote().get(SentenceLabel.UNSAFE_ADVICE)
                >= thresholds.benignToFlag().get(SentenceLabel.UNSAFE_ADVICE));
        List<Example> fresh = clusters(200, 6);
        long unsafeLowered = fresh.stream().filter(e -> e.label() == SentenceLabel.UNSAFE_ADVICE)
                .filter(e -> model.judge(e.features()).ruleCeiling(SentenceLabel.UNSAFE_ADVICE) != ScreeningAction.HOLD).count();
        long benignNoted = fresh.stream().filter(e -> e.label() == SentenceLabel.BENIGN)
                .filter(e -> model.judge(e.features()).ruleCeiling(SentenceLabel.UNSAFE_ADVICE) == ScreeningAction.NOTICE).count();
        assertTrue(unsafeLowered <= 200 * 0.10, unsafeLowered + " of 200 unsafe lowered");
        assertTrue(benignNoted >= 200 * 0.80, benignNoted + " of 200 benign lowered to a note");
        // red flags get no second opinion: the rules' urgent-care advice stands
        assertTrue(fresh.stream().allMatch(e -> model.judge(e.features()).ruleCeiling(SentenceLabel.RED_FLAG) == ScreeningAction.HOLD));
    }
}

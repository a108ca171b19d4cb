package io.backstory.moderation.model;

import java.util.List;

import io.backstory.moderation.ScreeningAction;

/**
 * A model's figures on the evaluation split: the share of each category's sentences it names, and the share of benign
 * sentences it flags or holds.
 */
public record ModelScore(double unsafeRecall, double redFlagRecall, double spamRecall, double benignFlagged,
        double benignHeld) {

    /** A benign sentence flagged costs a moderator a click; one held withholds a member's words. */
    static final double FLAG_COST = 2;
    static final double HOLD_COST = 10;

    public static ModelScore of(ScreeningModel model, List<Example> evaluation) {
        int[] total = new int[SentenceLabel.values().length];
        int[] named = new int[total.length];
        int flagged = 0;
        int held = 0;
        for (Example example : evaluation) {
            ScreeningModel.Verdict verdict = model.judge(example.features());
            total[example.label().ordinal()]++;
            if (example.label() == SentenceLabel.BENIGN) {
                flagged += verdict.action() == ScreeningAction.FLAG ? 1 : 0;
                held += verdict.action() == ScreeningAction.HOLD ? 1 : 0;
            } else if (verdict.label() == example.label()) {
                named[example.label().ordinal()]++;
            }
        }
        int benign = Math.max(1, total[SentenceLabel.BENIGN.ordinal()]);
        return new ModelScore(share(named, total, SentenceLabel.UNSAFE_ADVICE), share(named, total, SentenceLabel.RED_FLAG),
                share(named, total, SentenceLabel.SPAM), (double) flagged / benign, (double) held / benign);
    }

    private static double share(int[] named, int[] total, SentenceLabel label) {
        return total[label.ordinal()] == 0 ? 1 : (double) named[label.ordinal()] / total[label.ordinal()];
    }

    /** One figure to compare versions by: mean recall, less the benign sentences flagged and held at their cost. */
    public double value() {
        return (unsafeRecall + redFlagRecall + spamRecall) / 3 - FLAG_COST * benignFlagged - HOLD_COST * benignHeld;
    }

    public String unsafe() {
        return percent(unsafeRecall);
    }

    public String redFlag() {
        return percent(redFlagRecall);
    }

    public String spam() {
        return percent(spamRecall);
    }

    public String flagged() {
        return percent(benignFlagged);
    }

    public String held() {
        return percent(benignHeld);
    }

    /** The figures that are worse than {@code before}, in words: "red flags found fell from 76.0% to 70.0%". */
    public List<String> worseThan(ModelScore before) {
        List<String> worse = new java.util.ArrayList<>();
        worse(worse, "unsafe advice found", before.unsafeRecall, unsafeRecall, true);
        worse(worse, "red flags found", before.redFlagRecall, redFlagRecall, true);
        worse(worse, "spam found", before.spamRecall, spamRecall, true);
        worse(worse, "fine sentences flagged", before.benignFlagged, benignFlagged, false);
        worse(worse, "fine sentences held", before.benignHeld, benignHeld, false);
        return worse;
    }

    /** Names the figure if it moved the wrong way by as much as the page shows (a tenth of a percent). */
    private static void worse(List<String> worse, String figure, double before, double now, boolean higherIsBetter) {
        if (!percent(now).equals(percent(before)) && (now < before) == higherIsBetter) {
            worse.add(figure + (higherIsBetter ? " fell from " : " rose from ") + percent(before) + " to " + percent(now));
        }
    }

    /** A share as moderators read it: "87.5%". */
    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * How far below the version in use a retrain may score and still count as doing no worse. Retraining with a few
     * new sentences moves the calibrated thresholds a little, so the same model can score a few points either way
     * (six moderators' sentences moved benign flags on the evaluation split from 4 to 6 of 145 while recall rose;
     * after batch 28, three moved them from 8 to 15 of 308 while unsafe recall rose from 68% to 75%, 0.022 in all);
     * a retrain that does worse by more than that, as one taught wrong labels does (0.14), is not adopted.
     */
    static final double NOISE = 0.03;

    /** The margin as the model page states it: "0.03". */
    public static String margin() {
        return String.format(java.util.Locale.ROOT, "%.2f", NOISE);
    }

    /** Whether this score does not do worse than {@code inUse}: a retrain is adopted only then. */
    public boolean notWorseThan(ModelScore inUse) {
        return value() >= inUse.value() - NOISE;
    }
}

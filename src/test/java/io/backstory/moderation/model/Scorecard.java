package io.backstory.moderation.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.backstory.moderation.ScreeningAction;
import io.backstory.moderation.ScreeningCategory;

/**
 * How one screener did on a labelled set: a sentence labelled with a category is caught when the screener names that
 * category for it; a benign sentence counts against the screener by the verdict it got (held or blocked, flagged,
 * or a safety note only).
 */
public final class Scorecard {

    private final Map<SentenceLabel, int[]> caught = new EnumMap<>(SentenceLabel.class); // label -> {caught, total, queued}
    private int benign;
    private int benignHeldOrBlocked;
    private int benignFlagged;
    private int benignNoted;

    public void add(SentenceLabel label, Set<ScreeningCategory> named, ScreeningAction verdict) {
        int[] c = caught.computeIfAbsent(label, k -> new int[3]);
        c[1]++;
        if (label == SentenceLabel.BENIGN) {
            benign++;
            if (verdict == ScreeningAction.HOLD || verdict == ScreeningAction.BLOCK) {
                benignHeldOrBlocked++;
            } else if (verdict == ScreeningAction.FLAG) {
                benignFlagged++;
            } else if (verdict == ScreeningAction.NOTICE) {
                benignNoted++;
            }
        } else if (named.contains(label.category())) {
            c[0]++;
            // a red flag goes to the red-flag tab whatever the verdict
            c[2] += label == SentenceLabel.RED_FLAG || verdict.compareTo(ScreeningAction.FLAG) >= 0 ? 1 : 0;
        }
    }

    public double recall(SentenceLabel label) {
        int[] c = caught.getOrDefault(label, new int[] {0, 0, 0});
        return c[1] == 0 ? 1 : (double) c[0] / c[1];
    }

    /** Share of the label's sentences caught and put before a moderator (flagged, held or blocked), not only noted. */
    public double queued(SentenceLabel label) {
        int[] c = caught.getOrDefault(label, new int[] {0, 0, 0});
        return c[1] == 0 ? 1 : (double) c[2] / c[1];
    }

    public double benignHeldOrBlocked() {
        return benign == 0 ? 0 : (double) benignHeldOrBlocked / benign;
    }

    public double benignFlagged() {
        return benign == 0 ? 0 : (double) benignFlagged / benign;
    }

    /** One table row: recall per category, then benign held or blocked, flagged, noted only. */
    public String row(String name) {
        return String.format("| %-14s | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% |", name,
                100 * recall(SentenceLabel.UNSAFE_ADVICE), 100 * recall(SentenceLabel.RED_FLAG),
                100 * recall(SentenceLabel.SPAM), 100 * benignHeldOrBlocked(), 100 * benignFlagged(),
                benign == 0 ? 0 : 100.0 * benignNoted / benign);
    }

    public static String header() {
        return "| screener       | unsafe | red flag | spam | benign held/blocked | benign flagged | benign note only |\n"
                + "|---|---|---|---|---|---|---|";
    }
}

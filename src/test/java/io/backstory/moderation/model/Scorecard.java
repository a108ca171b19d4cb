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
final class Scorecard {

    private final Map<SentenceLabel, int[]> caught = new EnumMap<>(SentenceLabel.class); // label -> {caught, total}
    private int benign;
    private int benignHeldOrBlocked;
    private int benignFlagged;
    private int benignNoted;

    void add(SentenceLabel label, Set<ScreeningCategory> named, ScreeningAction verdict) {
        int[] c = caught.computeIfAbsent(label, k -> new int[2]);
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
        }
    }

    double recall(SentenceLabel label) {
        int[] c = caught.getOrDefault(label, new int[] {0, 0});
        return c[1] == 0 ? 1 : (double) c[0] / c[1];
    }

    double benignHeldOrBlocked() {
        return benign == 0 ? 0 : (double) benignHeldOrBlocked / benign;
    }

    double benignFlagged() {
        return benign == 0 ? 0 : (double) benignFlagged / benign;
    }

    /** One table row: recall per category, then benign held or blocked, flagged, noted only. */
    String row(String name) {
        return String.format("| %-14s | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% | %5.1f%% |", name,
                100 * recall(SentenceLabel.UNSAFE_ADVICE), 100 * recall(SentenceLabel.RED_FLAG),
                100 * recall(SentenceLabel.SPAM), 100 * benignHeldOrBlocked(), 100 * benignFlagged(),
                benign == 0 ? 0 : 100.0 * benignNoted / benign);
    }

    static String header() {
        return "| screener       | unsafe | red flag | spam | benign held/blocked | benign flagged | benign note only |\n"
                + "|---|---|---|---|---|---|---|";
    }
}

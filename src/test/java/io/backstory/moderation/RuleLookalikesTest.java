package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.model.LabelledSentence;
import io.backstory.moderation.model.SentenceLabel;

/**
 * Issue 19 (plain JUnit, the seeded rules): a false HOLD withholds a member's words, so the rules may hold or block
 * at most 1% of the hard benign look-alikes in {@code moderation/rule-lookalikes.tsv} (label doses, doses a
 * professional set, quoted warnings, negations, "is it safe to ...?", professional traction, health-site links, ice,
 * heat, alcohol, scans), while still naming the category of its unsafe advice and spam as often as before the
 * rules were made precise, and holding as much of its unsafe advice (README, "Screening figures").
 */
class RuleLookalikesTest {

    /** What the rules reached on this set before it was used to make them precise (README, "Screening figures"). */
    private static final double UNSAFE_RECALL_BEFORE = 37 / 45.0;
    private static final double UNSAFE_HELD_BEFORE = 29 / 45.0;
    private static final double SPAM_RECALL_BEFORE = 17 / 17.0;

    @Test
    void benignLookalikesAreNotHeldAndUnsafeAdviceAndSpamAreStillFound() {
        ScreeningEngine engine = SeededRules.engine();
        int benign = 0;
        int heldOrBlocked = 0;
        int flagged = 0;
        int[] unsafe = new int[3]; // named, held or blocked, total
        int[] spam = new int[3];
        List<String> report = new ArrayList<>();
        for (LabelledSentence s : LabelledSentence.read("moderation/rule-lookalikes.tsv")) {
            ScreeningResult result = engine.screen(s.text(), Set.of());
            boolean held = result.verdict() == ScreeningAction.HOLD || result.verdict() == ScreeningAction.BLOCK;
            if (s.label() == SentenceLabel.BENIGN) {
                benign++;
                if (held) {
                    heldOrBlocked++;
                    report.add("benign " + result.verdict() + " by " + rules(result) + ": " + s.text());
                } else if (result.verdict() == ScreeningAction.FLAG) {
                    flagged++;
                    report.add("benign flagged by " + rules(result) + ": " + s.text());
                }
                continue;
            }
            int[] counts = s.label() == SentenceLabel.SPAM ? spam : unsafe;
            boolean named = result.matches().stream().anyMatch(m -> m.category() == s.label().category());
            counts[2]++;
            counts[0] += named ? 1 : 0;
            counts[1] += named && held ? 1 : 0;
            if (!named) {
                report.add(s.label() + " missed: " + s.text());
            } else if (!held) {
                report.add(s.label() + " found, only " + result.verdict() + " by " + rules(result) + ": " + s.text());
            }
        }
        double heldRate = (double) heldOrBlocked / benign;
        double unsafeRecall = (double) unsafe[0] / unsafe[2];
        double spamRecall = (double) spam[0] / spam[2];
        System.out.printf("Rule look-alikes: benign held or blocked %.1f%% (%d/%d), flagged %.1f%% (%d/%d); "
                + "unsafe advice found %.1f%% (%d/%d, held %d); spam found %.1f%% (%d/%d, blocked %d)%n",
                100 * heldRate, heldOrBlocked, benign, 100.0 * flagged / benign, flagged, benign,
                100 * unsafeRecall, unsafe[0], unsafe[2], unsafe[1], 100 * spamRecall, spam[0], spam[2], spam[1]);
        report.forEach(line -> System.out.println("  " + line));
        assertAll(
                () -> assertTrue(heldRate <= 0.01, "benign held or blocked " + heldRate),
                () -> assertTrue(unsafeRecall >= UNSAFE_RECALL_BEFORE, "unsafe advice recall " + unsafeRecall),
                () -> assertTrue((double) unsafe[1] / unsafe[2] >= UNSAFE_HELD_BEFORE, "unsafe advice held " + unsafe[1]),
                () -> assertTrue(spamRecall >= SPAM_RECALL_BEFORE, "spam recall " + spamRecall));
    }

    private static String rules(ScreeningResult result) {
        return result.matches().stream().map(m -> m.rule() + " (" + m.action() + ")").distinct().toList().toString();
    }
}

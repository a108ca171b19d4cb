package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.model.LabelledSentence;
import io.backstory.moderation.model.SentenceLabel;

/**
 * Issue 19 (plain JUnit, the seeded rules): a warning that sends the reader to care ("don't ignore leg weakness, go
 * to the doctor", "skip the GP queue and head to the emergency department") is the opposite of dismissing a red
 * flag and must not be held as unsafe advice, while advice that does dismiss one ("ignore the numbness, it passes",
 * "no need to go to hospital for it") stays held. Sentences in {@code moderation/red-flag-warnings.tsv}.
 */
class RedFlagWarningsTest {

    private static final String RULE = "unsafe-dismissing-red-flags";

    @Test
    void warningsToSeekCareAreNotHeldAndDismissalsStayHeld() {
        ScreeningEngine engine = SeededRules.engine();
        List<String> warningsHeld = new ArrayList<>();
        List<String> dismissalsLet = new ArrayList<>();
        for (LabelledSentence s : LabelledSentence.read("moderation/red-flag-warnings.tsv")) {
            ScreeningResult result = engine.screen(s.text(), Set.of());
            boolean held = result.verdict() == ScreeningAction.HOLD || result.verdict() == ScreeningAction.BLOCK;
            boolean dismissing = result.matches().stream().anyMatch(m -> m.rule().equals(RULE));
            if (s.label() == SentenceLabel.BENIGN && held) {
                warningsHeld.add(s.text() + " " + result.matches().stream().map(ScreeningResult.Match::rule).distinct().toList());
            } else if (s.label() == SentenceLabel.UNSAFE_ADVICE && !(held && dismissing)) {
                dismissalsLet.add(s.text() + " " + result.verdict());
            }
        }
        System.out.println("Red-flag warnings held: " + warningsHeld.size() + ", dismissals not held: " + dismissalsLet.size());
        warningsHeld.forEach(t -> System.out.println("  warning held: " + t));
        dismissalsLet.forEach(t -> System.out.println("  dismissal let through: " + t));
        assertAll(
                () -> assertEquals(List.of(), warningsHeld, "warnings to seek care held"),
                () -> assertEquals(List.of(), dismissalsLet, "dismissals of red flags not held by " + RULE));
    }
}

package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.model.ScreeningModel;
import io.backstory.moderation.model.SentenceLabel;

/**
 * Issue 19 (plain JUnit): the model's second opinion on the rules ({@link CombinedScreening}). Where it reads a sentence
 * as benign surely enough, a rule's hold of unsafe advice or selling becomes a flag and a rule's flag the safety note
 * alone, the match and its note kept; a block, a red flag and a long text read after saving keep the rules' verdict,
 * and the model reads the sentence with professionals unnamed (the "doctor says" bypass).
 */
class SecondOpinionTest {

    private static final String TEXT = "Someone told me to take double the ibuprofen, which is daft. I ignored them.";
    private static final String NOTE = "Please take medicines as the label says.";

    private static ScreeningResult rules(ScreeningCategory category, ScreeningAction action) {
        ScreeningResult.Match match = new ScreeningResult.Match("a-rule", category, "what it found", action,
                "take double the ibuprofen", 19, 44);
        return new ScreeningResult(action, List.of(match), List.of(NOTE),
                category == ScreeningCategory.RED_FLAG ? List.of(NOTE) : List.of());
    }

    /** A model reading every sentence as benign, letting rules of this label do at most {@code ceiling}. */
    private static Function<String, ScreeningModel.Verdict> benignWithCeiling(SentenceLabel label, ScreeningAction ceiling) {
        return sentence -> new ScreeningModel.Verdict(SentenceLabel.BENIGN, 0, ScreeningAction.ALLOW, List.of(),
                Map.of(label, ceiling));
    }

    @Test
    void aHoldTheModelReadsAsSurelyBenignIsFlaggedWithItsMatchAndNoteKept() {
        ScreeningResult both = CombinedScreening.combine(TEXT, rules(ScreeningCategory.UNSAFE_ADVICE, ScreeningAction.HOLD),
                benignWithCeiling(SentenceLabel.UNSAFE_ADVICE, ScreeningAction.FLAG), false);
        assertEquals(ScreeningAction.FLAG, both.verdict());
        assertEquals(1, both.matches().size());
        assertEquals(ScreeningAction.FLAG, both.matches().get(0).action());
        assertEquals("take double the ibuprofen", both.matches().get(0).excerpt());
        assertEquals(List.of(NOTE), both.notices());
    }

    @Test
    void aFlagTheModelIsSurerStillOfBecomesTheNoteAlone() {
        ScreeningResult both = CombinedScreening.combine(TEXT, rules(ScreeningCategory.SPAM, ScreeningAction.FLAG),
                benignWithCeiling(SentenceLabel.SPAM, ScreeningAction.NOTICE), false);
        assertEquals(ScreeningAction.NOTICE, both.verdict());
        assertEquals(ScreeningCategory.SPAM, both.matches().get(0).category());
        assertEquals(List.of(NOTE), both.safetyNotes());
    }

    @Test
    void aProfessionalNamedIsNotWhatClearsAdvice() {
        String text = "My pharmacist says take double the ibuprofen if it is bad.";
        ScreeningResult.Match match = new ScreeningResult.Match("unsafe-dosing", ScreeningCategory.UNSAFE_ADVICE, "dosing",
                ScreeningAction.HOLD, "take double the ibuprofen", 19, 44);
        ScreeningResult rules = new ScreeningResult(ScreeningAction.HOLD, List.of(match), List.of(NOTE), List.of());
        // a model that would clear the sentence on the pharmacist's word alone
        Function<String, ScreeningModel.Verdict> swayedByProfessionals = sentence -> sentence.contains("pharmacist")
                ? benignWithCeiling(SentenceLabel.UNSAFE_ADVICE, ScreeningAction.NOTICE).apply(sentence)
                : benignWithCeiling(SentenceLabel.SPAM, ScreeningAction.NOTICE).apply(sentence);
        assertEquals(ScreeningAction.HOLD, CombinedScreening.combine(text, rules, swayedByProfessionals, false).verdict());
    }

    @Test
    void anotherCategorysCeilingLowersNothing() {
        ScreeningResult both = CombinedScreening.combine(TEXT, rules(ScreeningCategory.UNSAFE_ADVICE, ScreeningAction.HOLD),
                benignWithCeiling(SentenceLabel.SPAM, ScreeningAction.NOTICE), false);
        assertEquals(ScreeningAction.HOLD, both.verdict());
    }

    @Test
    void aBlockARedFlagAndALongTextKeepTheRulesVerdict() {
        assertEquals(ScreeningAction.BLOCK, CombinedScreening.combine(TEXT, rules(ScreeningCategory.SPAM, ScreeningAction.BLOCK),
                benignWithCeiling(SentenceLabel.SPAM, ScreeningAction.NOTICE), false).verdict());
        ScreeningResult redFlag = CombinedScreening.combine(TEXT, rules(ScreeningCategory.RED_FLAG, ScreeningAction.HOLD),
                benignWithCeiling(SentenceLabel.RED_FLAG, ScreeningAction.NOTICE), false);
        assertEquals(ScreeningAction.HOLD, redFlag.verdict());
        assertEquals(List.of(NOTE), redFlag.urgentCare());
        assertEquals(ScreeningAction.HOLD, CombinedScreening.combine(TEXT, rules(ScreeningCategory.UNSAFE_ADVICE,
                ScreeningAction.HOLD), benignWithCeiling(SentenceLabel.UNSAFE_ADVICE, ScreeningAction.NOTICE), true).verdict());
        assertEquals(ScreeningAction.HOLD, CombinedScreening.combine(TEXT, rules(ScreeningCategory.UNSAFE_ADVICE,
                ScreeningAction.HOLD), null, false).verdict());
    }
}

package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which screened items a moderator sees first (plain JUnit). */
class QueueOrderTest {

    private static ScreeningResult.Match match(String rule, ScreeningCategory category, ScreeningAction action) {
        return new ScreeningResult.Match(rule, category, "", action, "text", 0, 4);
    }

    @Test
    void symptomsTheRulesReadAsRedFlagsComeBeforeEverythingTheModelFlagsOrHolds() {
        int rulesRedFlag = ContentScreening.severity(match("red-flag-saddle", ScreeningCategory.RED_FLAG, ScreeningAction.NOTICE));
        int modelHold = ContentScreening.severity(match(ScreeningService.MODEL_RULE, ScreeningCategory.RED_FLAG, ScreeningAction.HOLD));
        int modelRedFlag = ContentScreening.severity(match(ScreeningService.MODEL_RULE, ScreeningCategory.RED_FLAG, ScreeningAction.FLAG));
        int unsafe = ContentScreening.severity(match("unsafe-dosing", ScreeningCategory.UNSAFE_ADVICE, ScreeningAction.FLAG));
        int spam = ContentScreening.severity(match(ScreeningService.MODEL_RULE, ScreeningCategory.SPAM, ScreeningAction.FLAG));
        assertTrue(rulesRedFlag > modelHold, "a rules' red flag, even as a notice, before any hold");
        assertTrue(modelHold > modelRedFlag && modelRedFlag >= unsafe && unsafe > spam);
    }
}

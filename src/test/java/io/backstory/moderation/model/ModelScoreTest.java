package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How versions are compared before one is put in use (plain JUnit). */
class ModelScoreTest {

    private static final ModelScore IN_USE = new ModelScore(0.70, 0.83, 0.87, 0.028, 0);

    @Test
    void higherRecallAtTheSameFalseFlagsIsNotWorse() {
        assertTrue(new ModelScore(0.75, 0.83, 0.87, 0.028, 0).notWorseThan(IN_USE));
    }

    @Test
    void aRetrainWithinTheNoiseOfRecalibrationIsNotWorse() {
        // Seen with six moderators' sentences: recall up a little, two more benign sentences of 145 flagged.
        assertTrue(new ModelScore(0.709, 0.854, 0.871, 0.041, 0).notWorseThan(IN_USE));
    }

    @Test
    void aRetrainThatLosesMostUnsafeAdviceIsWorse() {
        assertFalse(new ModelScore(0.18, 0.80, 0.84, 0.010, 0).notWorseThan(IN_USE));
    }

    @Test
    void holdingFineSentencesCostsFarMoreThanFlaggingThem() {
        ModelScore flagsTwoMore = new ModelScore(0.70, 0.83, 0.87, 0.028 + 0.014, 0);
        ModelScore holdsTwo = new ModelScore(0.70, 0.83, 0.87, 0.028, 0.014);
        assertTrue(flagsTwoMore.value() > holdsTwo.value());
        assertFalse(holdsTwo.notWorseThan(IN_USE), "holding 2 of 145 fine sentences is worse");
    }

    @Test
    void theFiguresThatGotWorseAreNamed() {
        ModelScore retrained = new ModelScore(0.75, 0.76, 0.87, 0.031, 0);
        assertEquals(java.util.List.of("red flags found fell from 83.0% to 76.0%", "fine sentences flagged rose from 2.8% to 3.1%"),
                retrained.worseThan(IN_USE));
        assertEquals(java.util.List.of(), IN_USE.worseThan(IN_USE));
    }

    @Test
    void sharesReadAsPercentages() {
        assertEquals("70.0%", IN_USE.unsafe());
        assertEquals("2.8%", IN_USE.flagged());
        assertEquals("0.0%", IN_USE.held());
    }
}

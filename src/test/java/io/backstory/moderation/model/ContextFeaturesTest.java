package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContextFeaturesTest {

    private static float feature(String sentence, int which) {
        return ContextFeatures.of(sentence)[which];
    }

    @Test
    void anOrderToTheReaderIsToldFromTheWritersOwnExperience() {
        String order = "Honestly just take double the dose, you'll be fine";
        assertEquals(1f, feature(order, ContextFeatures.OPENS_WITH_AN_ORDER));
        assertEquals(1f, feature(order, ContextFeatures.SPEAKS_OF_MORE));
        assertEquals(1f, feature(order, ContextFeatures.ADVISES_THE_READER));

        String ownStory = "I took double the dose once and you can guess how that went";
        assertEquals(0f, feature(ownStory, ContextFeatures.OPENS_WITH_AN_ORDER));
        assertEquals(1f, feature(ownStory, ContextFeatures.SPEAKS_OF_MORE));
        assertEquals(0f, feature(ownStory, ContextFeatures.ADVISES_THE_READER), "the writer speaks of themselves");
    }

    @Test
    void anOrderNeedsItsVerbAtTheStartAndMoreNeedsAWordOfMore() {
        assertEquals(0f, feature("The physio said to take it slowly.", ContextFeatures.OPENS_WITH_AN_ORDER));
        assertEquals(1f, feature("  Skip the brace, it only weakens you.", ContextFeatures.OPENS_WITH_AN_ORDER));
        assertEquals(0f, feature("Take the dose on the label.", ContextFeatures.SPEAKS_OF_MORE));
        assertEquals(1f, feature("Stack two patches for more than a day.", ContextFeatures.SPEAKS_OF_MORE));
    }
}

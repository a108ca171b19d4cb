package io.backstory.taxonomy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarNamesTest {

    @Test
    void sameWordsIgnoringCaseAccentsPunctuationAndPlurals() {
        assertTrue(SimilarNames.similar("Kinesio tape", "kinesio-tapes"));
        assertTrue(SimilarNames.similar("Massage", "massagé"));
        assertTrue(SimilarNames.similar("Heat pads", "heat pad"));
    }

    @Test
    void oneNameWithinTheOther() {
        assertTrue(SimilarNames.similar("Heat wrap", "heat"));
        assertTrue(SimilarNames.similar("walking", "Nordic walking"));
        assertFalse(SimilarNames.similar("Ice", "Nice ice cream"), "too short to say");
    }

    @Test
    void slipsOfTheKeyboard() {
        assertTrue(SimilarNames.similar("Sciatca", "Sciatica"));
        assertTrue(SimilarNames.similar("Scoliossis", "Scoliosis"));
        assertFalse(SimilarNames.similar("Yoga", "Tai chi"));
        assertFalse(SimilarNames.similar("Stenosis", "Scoliosis"), "different conditions stay apart");
    }

    @Test
    void emptyNamesAreNeverSimilar() {
        assertFalse(SimilarNames.similar("", ""));
        assertFalse(SimilarNames.similar("!!", "??"));
    }
}

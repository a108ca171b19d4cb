package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An outside tester's "Skip the physio, ..." got the note on stopping medicine ("some medicines must be tapered"):
 * skipping physiotherapy has a rule of its own (V34) whose reason and note name its danger; stopping medicine keeps its own.
 */
@QuarkusTest
class SkippingPhysioNoticeTest {

    @Inject
    ScreeningService screening;

    @ParameterizedTest
    @ValueSource(strings = {
            "Honestly just ditch your physio, the exercises are a waste of time",
            "Don't bother with physiotherapy after the op, rest does the same",
            "Stop the physio sessions, you'll heal on your own"})
    void skippingPhysioIsCaughtForWhatItRisks(String text) {
        ScreeningResult result = screening.rules(text, Set.of());
        List<String> rules = result.matches().stream().map(ScreeningResult.Match::rule).toList();
        assertEquals(List.of("unsafe-skipping-physio"), rules, text);
        assertEquals("skipping physiotherapy", result.matches().get(0).reasonForWriter());
        String note = String.join(" ", result.notices());
        assertTrue(note.contains("strength and movement"), note);
        assertFalse(note.contains("tapered") || note.contains("medicine"), note);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Just stop your gabapentin overnight, you don't need it",
            "Ditch your meds and see how you feel"})
    void stoppingMedicineStillWarnsAboutTapering(String text) {
        ScreeningResult result = screening.rules(text, Set.of());
        assertEquals(List.of("unsafe-stopping-treatment"),
                result.matches().stream().map(ScreeningResult.Match::rule).toList(), text);
        assertTrue(String.join(" ", result.notices()).contains("tapered"), result.notices().toString());
    }
}

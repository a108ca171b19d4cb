package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An outside tester's comment "Take 4 of my tramadol, works great" was published live (migration V28): offering the
 * reader some of the writer's own prescription is sharing it, and is held; the writer's own use is not.
 */
@QuarkusTest
class SharingOwnPrescriptionTest {

    @Inject
    ScreeningService screening;

    @ParameterizedTest
    @ValueSource(strings = {
            "Take 4 of my tramadol, works great",
            "Honestly just try a couple of my diazepam before bed",
            "Have some of mine, the oxycodone knocks it right out",
    })
    void offeringTheReaderSomeOfTheWritersPrescriptionIsHeld(String text) {
        ScreeningResult result = screening.screen(text, Set.of());
        assertEquals(ScreeningAction.HOLD, result.verdict(), text + " -> " + result.matches());
        assertTrue(result.matches().stream().anyMatch(m -> m.rule().equals("unsafe-sharing-prescriptions")), result.matches().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I take one of my tramadol at night when the sciatica flares, as my GP prescribed",
            "Last winter I had two of my naproxen a day for a week and it helped",
    })
    void theWritersOwnUseIsNotSharing(String text) {
        ScreeningResult result = screening.screen(text, Set.of());
        assertTrue(result.matches().stream().noneMatch(m -> m.rule().equals("unsafe-sharing-prescriptions")), result.matches().toString());
    }
}

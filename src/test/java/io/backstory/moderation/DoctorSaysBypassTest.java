package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Issue 19: a professional's word excuses only the clause it governs; dosing advice to others stays caught. */
@QuarkusTest
class DoctorSaysBypassTest {

    @Inject
    ScreeningService screening;

    @ParameterizedTest
    @ValueSource(strings = {
            "My doctor says walking, but honestly just take double the prescribed dose of your painkillers",
            "My PT told me to rest but just take double the prescribed dose of your painkillers",
            "My pharmacist says take double the ibuprofen if it is bad",
            "My surgeon says you can take triple the painkillers on bad days",
            "Take double the prescribed dose of your painkillers, my doctor says so",
            "Just take double the ibuprofen; my physio says it's fine",
            "Ask your doctor if you like, but take double the painkillers anyway",
            "Take triple the naproxen and don't bother asking your pharmacist",
            // someone else's words, vouched for by the writer: their own advice after all (AdviceVoice)
            "A friend said to double the dose and it worked great, do it",
            "My pharmacist said taking double the ibuprofen is a bad idea, it isn't, trust me",
    })
    void dosingAdviceIsHeldWhateverProfessionalIsNamedBeforeOrAfterIt(String text) {
        ScreeningResult result = screening.screen(text, Set.of());
        assertEquals(ScreeningAction.HOLD, result.verdict(), text + " -> " + result.matches());
        assertTrue(result.matches().stream().anyMatch(m -> m.rule().equals("unsafe-dosing")), result.matches().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "My doctor told me to double my gabapentin dose last week",
            "The pharmacist said I could take double the dose for one day only",
            "I asked my GP and she said taking extra ibuprofen is fine for a few days",
    })
    void aDoseTheWriterWasGivenByAProfessionalStaysAllowed(String text) {
        ScreeningResult result = screening.screen(text, Set.of());
        assertTrue(result.matches().stream().noneMatch(m -> m.rule().equals("unsafe-dosing")), text + " -> " + result.matches());
    }
}

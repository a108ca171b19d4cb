package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's negation and hypothetical scopes (plain JUnit): a red-flag word said of something absent or of
 * something to watch for is no red flag; the same words as the writer's symptom, hedged or not, still are.
 */
class ScreeningEngineTest {

    private static final Map<String, List<String>> WORDS = Map.of(
            "bladder", List.of("bladder", "bowel", "pee", "wee"),
            "saddle", List.of("groin", "saddle", "bottom", "crotch"),
            "numbness", List.of("numb", "numbness", "tingling"));

    private static ScreeningEngine.Rule rule(String code, ScreeningCategory category, String patterns) {
        return ScreeningService.compile(code, category, code, ScreeningAction.NOTICE, patterns, "", true, null, 1, null,
                code + " notice", WORDS);
    }

    private static final ScreeningEngine ENGINE = new ScreeningEngine(List.of(
            rule("saddle", ScreeningCategory.RED_FLAG, """
                    numb* groin|saddle|bottom|crotch ~5
                    groin|saddle|crotch numb* ~4
                    numb* between my legs ~2
                    @numbness & @saddle"""),
            rule("bladder", ScreeningCategory.RED_FLAG, """
                    lost|lose|losing|loss|no|can't|cannot control of|over my|your|the bladder|bowel*
                    lost|lose|losing|loss bladder|bowel* control ~2
                    wet myself ~1
                    can't|cannot|couldn't|didn't|don't tell|feel when|if i need|needed pee|urin*
                    @bladder & can't|cannot|lost|full ~0"""),
            rule("doubling", ScreeningCategory.UNSAFE_ADVICE, "double|triple dose|pills ~2")));

    private static Set<String> rules(String text) {
        return Set.copyOf(ENGINE.screen(text, Set.of()).matches().stream().map(ScreeningResult.Match::rule).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I had numbness between my legs (none, thankfully)",
            "No numbness in the saddle area, no bladder trouble.",
            "Neither numbness in the groin nor anything else.",
            "I've never had numbness in my groin.",
            "The GP told me to come back if I got any numbness in the saddle area or lost control of my bladder.",
            "If you ever lose bladder control with back pain, go to A&E.",
            "Should you notice any loss of bladder control, call 999.",
            "Should the skin around your bottom ever go numb, head to the emergency department.",
            "In case you lose control of your bladder, that's an emergency.",
            "Watch out for numbness in your groin.",
            "Keep an eye out for numbness around your bottom.",
            "The physio asked about numbness in the saddle area, I have none of that.",
            "My GP checked for numbness in the groin and it was fine.",
            "Red flags like numbness in the saddle area mean A&E.",
            "I'd go straight to A&E if I lost control of my bladder.",
            "What if I lose control of my bladder one day?",
            "If I ever get numbness in my groin I'll go to the ER."})
    void negatedOrHypotheticalRedFlagsAreNoRedFlags(String text) {
        assertEquals(Set.of(), rules(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Since yesterday I can't feel the area between my legs and I wet myself without noticing.",
            "Numbness in my saddle area and I can't tell when I need to pee.",
            "No, my groin is numb and has been since Monday.",
            "No idea why, but my crotch is numb.",
            "I don't know what's happening, my groin has gone numb.",
            "I never had any trouble before and now my groin is numb.",
            "If I'm honest my groin has been numb since Monday.",
            "If I sit for long my groin goes numb.",
            "Not sure if it matters but I wet myself last night.",
            "Can't really tell if my bladder is full anymore.",
            "It feels as if my bottom is numb.",
            "I wasn't worried until my groin went numb.",
            "The GP asked about my back, and I told her my groin is numb."})
    void theWritersOwnSymptomsStayRedFlags(String text) {
        assertTrue(rules(text).stream().anyMatch(r -> r.equals("saddle") || r.equals("bladder")), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "If the pain is bad, just double the dose.",
            "Should it flare, double your pills."})
    void aHypotheticalDoesNotExcuseUnsafeAdvice(String text) {
        assertEquals(Set.of("doubling"), rules(text));
    }
}

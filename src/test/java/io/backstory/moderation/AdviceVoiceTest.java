package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19 (plain JUnit): the rules hold unsafe advice given in the writer's own voice. Told as someone else's words the
 * writer disowns, it is only flagged; as a temptation resisted or a habit given up, only noted. Gamed the other way (a
 * professional's or a friend's word in front of the writer's own advice, or the advice vouched for after), it is held.
 */
class AdviceVoiceTest {

    private static final Map<String, List<String>> WORDS = Map.of(
            "drug", List.of("ibuprofen", "naproxen", "codeine", "tramadol", "painkiller", "painkillers", "pill", "pills",
                    "dose", "doses", "tablets", "meds", "relaxants"),
            "alcohol", List.of("beer", "wine", "vodka"),
            "health_pro", List.of("doctor", "gp", "pharmacist", "physio", "pt", "surgeon"));

    private static ScreeningEngine.Rule rule(String code, String patterns, String exceptions) {
        return ScreeningService.compile(code, ScreeningCategory.UNSAFE_ADVICE, code, ScreeningAction.HOLD, patterns,
                exceptions, true, null, 1, null, code + " notice", WORDS);
    }

    /** As the seeded dosing and mixing rules (migrations V5, V25), with fewer words. */
    private static final ScreeningEngine ENGINE = new ScreeningEngine(List.of(
            rule("dosing", """
                    double|triple|twice|extra|max|handful @drug ~4
                    double|triple up on ~1
                    crush @drug ~3""", """
                    @health_pro said|told|advised|recommended|prescribed|says|gave|put me|i|us ~3
                    as directed|prescribed ~1"""),
            rule("mixing", "@drug & @alcohol", "@health_pro said|told|advised|recommended|warned|says ~4"),
            ScreeningService.compile("selling", ScreeningCategory.SPAM, "selling", ScreeningAction.BLOCK, """
                    buy|order online ~1
                    dm me ~0
                    special offer ~0""", "", false, null, 1, null, "selling notice", WORDS)));

    private static ScreeningAction verdict(String text) {
        return ENGINE.screen(text, Set.of()).verdict();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A bloke at the gym reckons you should triple your naproxen before a session, which is a reckless idea.",
            "My aunt keeps telling everyone to double up on codeine, I ignored her.",
            "Never do what my flatmate did and wash his tramadol down with vodka, he ended up in hospital.",
            "Somebody online posted that you can take twice the dose of tramadol, utter nonsense.",
            "My cousin swore by a handful of painkillers every morning, I wouldn't go near that.",
    })
    void advicePutInSomeoneElsesMouthAndDisownedIsOnlyFlagged(String text) {
        assertEquals(ScreeningAction.FLAG, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Last night I nearly took double my codeine, but I rang 111 instead.",
            "I really wanted to crush the pills so they'd work faster, thankfully I resisted.",
            "I used to take extra ibuprofen every day at work, not anymore after the stomach trouble.",
            "Used to have a handful of painkillers with breakfast, stopped that years ago.",
            "We used to have a few beers on top of the codeine at uni, what a mistake that was.",
    })
    void aTemptationResistedOrAHabitGivenUpIsOnlyNoted(String text) {
        assertEquals(ScreeningAction.NOTICE, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I was tempted to double my tramadol tonight.",
            "I used to take triple the naproxen when it flared.",
    })
    void aTemptationOrHabitWithoutItsEndIsFlagged(String text) {
        assertEquals(ScreeningAction.FLAG, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A mate said to double the dose and it worked great, do it.",
            "A friend told me to triple my naproxen, worked wonders, you should too.",
            "Somebody said taking twice the tramadol is a terrible idea, it isn't, trust me.",
            "My physio says it's a dangerous idea to sit all day, but just double your painkillers.",
            "My pharmacist reckons rest is best; take double the codeine anyway.",
            "My GP says walking helps, though really you should triple the ibuprofen.",
            "Someone said you can triple the naproxen on bad days.",
            "I used to worry about it, but honestly just take twice the dose.",
            "I was tempted to double my tramadol and I did, highly recommend.",
            "I ignored my surgeon and now I take a handful of painkillers, works fine.",
            "Double your codeine, my doctor said it was a bad idea but he's wrong.",
            "Don't be shy with the pills, my gp said so, take extra ibuprofen whenever you like.",
            "My GP said the worry is nonsense, take double the codeine.",
    })
    void theWritersOwnAdviceIsHeldWhateverIsSaidAroundIt(String text) {
        assertEquals(ScreeningAction.HOLD, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Is it ok to take double my tramadol tonight?",
            "Can I have a beer with my codeine or is that a bad idea?",
            "Anyone know if it's safe to take extra ibuprofen on a long shift?",
    })
    void askingWhetherItIsSafeIsOnlyNoted(String text) {
        assertEquals(ScreeningAction.NOTICE, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "My GP doubled my codeine last month.",
            "Doubling up on codeine is a really bad idea.",
            "Taking extra ibuprofen doesn't make it work faster, it just wrecks your stomach.",
            "My brother has a beer with his tramadol every night.",
            "Can you take double the ibuprofen?",
            "I ordered it online from the chemist, so easy.",
            "Should I buy online or at the chemist?",
            "The chemist had a special offer on heat patches.",
            "Vodka with my painkillers was a mistake I made once.",
    })
    void wordsThatTellNobodyToDoAnythingAreOnlyFlagged(String text) {
        assertEquals(ScreeningAction.FLAG, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Is it safe to double the dose? Yes, just take double the naproxen.",
            "Walking. Also just take double the ibuprofen.",
            "People should just take a handful of painkillers.",
            "Taking double the codeine is the best trick there is.",
            "My brother has a beer with his tramadol every night, I swear by it too.",
            "Vodka plus a few painkillers is the best sleep aid there is.",
            "not a doctor but id double the ibuprofen for a few days",
    })
    void adviceToAnyoneInAnyFormIsHeld(String text) {
        assertEquals(ScreeningAction.HOLD, verdict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Buy online today, cheapest braces anywhere.",
            "Special offer on braces, DM me.",
            "We have a special offer this week, dm me for the price.",
            "Special offer on braces at http://braces.example/sale",
    })
    void advertisingToTheReaderIsBlocked(String text) {
        assertEquals(ScreeningAction.BLOCK, verdict(text), text);
    }
}

package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A rule's pattern line: words by stem, prefixes, word lists, gaps between words and clauses joined by "&"; no Quarkus. */
class RulePatternTest {

    private static final Map<String, List<String>> LISTS = Map.of("painkillers", List.of("ibuprofen", "naproxen", "codeine"));

    private static List<RulePattern.Span> match(String line, String text) {
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text);
        return RulePattern.compile(line, LISTS).match(tokens, 0, tokens.size());
    }

    @Test
    void wordsMatchByTheirStemSoOtherFormsOfTheWordCount() {
        assertNotNull(match("double dose", "I doubled the doses"));
        assertNotNull(match("crack back", "cracking my back every morning"));
        assertNull(match("crack back", "my back feels better"));
    }

    @Test
    void aWordListAndAPrefixStandForAnyOfTheirWords() {
        assertNotNull(match("double @painkillers", "just double the naproxen"));
        assertNotNull(match("opi*", "mixing opioids is risky"));
        assertNull(match("double @painkillers", "double the physio sessions"));
    }

    @Test
    void wordsMustComeInOrderWithinTheGapOfTheLine() {
        assertNotNull(match("double dose", "double your usual dose"));
        assertNull(match("double dose", "double the time you spend walking before any dose"), "too far apart");
        assertNotNull(match("double dose ~8", "double the time you spend walking before any dose"));
        assertNull(match("dose double", "double the dose"), "the order counts");
    }

    @Test
    void everyClauseOfTheLineMustMatchAndEachGivesItsSpan() {
        List<RulePattern.Span> spans = match("stop & physio", "Stop going to physio, it is a waste");
        assertNotNull(spans);
        assertEquals(2, spans.size());
        assertTrue(spans.get(0).firstToken() < spans.get(1).firstToken());
        assertNull(match("stop & physio", "Stop worrying, it gets better"));
    }

    @Test
    void aLineThatCannotWorkIsRefusedWithWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> RulePattern.compile("double @unknown", LISTS));
        assertThrows(IllegalArgumentException.class, () -> RulePattern.compile("double & ", LISTS));
        assertThrows(IllegalArgumentException.class, () -> RulePattern.compile("double |dose", LISTS));
        assertThrows(IllegalArgumentException.class, () -> RulePattern.compile("* dose", LISTS));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RulePattern.compile("double @unknown", LISTS));
        assertTrue(unknown.getMessage().contains("@unknown"), unknown.getMessage());
    }
}

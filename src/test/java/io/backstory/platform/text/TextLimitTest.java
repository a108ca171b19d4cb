package io.backstory.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Plain JUnit: how text is measured and what is refused, without the application. */
class TextLimitTest {

    private static final TextLimit TITLE = new TextLimit(10, 200, false, "a title is required");
    private static final TextLimit BODY = TextLimit.multiLine(1, 40_000, "write something");

    @Test
    void lengthsAreCharactersOfAnyScriptNotUtf16Units() {
        String emoji = "😀".repeat(40_000); // 80,000 UTF-16 units, 160,000 bytes of UTF-8
        assertEquals(40_000, VisibleText.characters(emoji));
        assertEquals(Optional.empty(), BODY.problem(emoji));
        assertEquals(Optional.of("is 40,001 characters long; the limit is 40,000. Please shorten it by 1 character."),
                BODY.problem(emoji + "x"));
    }

    @Test
    void aLineBreakIsOneCharacterAsTheFormSendsIt() {
        // Browsers send a textarea's line breaks as CR LF; its own counter (and ours) counts them as one.
        String lines = "ab\r\n".repeat(10_000);
        assertEquals(30_000, VisibleText.characters(lines));
        assertEquals(Optional.empty(), BODY.problem(lines + "x".repeat(10_000)));
        assertEquals(4, VisibleText.characters("a\r\rb"));
    }

    @Test
    void whitespaceAndInvisibleCharactersDoNotCountAsVisible() {
        String[] invisible = { " ", "\u00A0", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u2800", "\u3164",
            "\u115F", "\u1160", "\uFFA0", "\u180E", "\u034F", "\uFE0F", "\u202F", "\u3000", "\u00AD", "\t" };
        for (String c : invisible) {
            assertEquals(0, VisibleText.visibleLength(c.repeat(12)), "U+" + Integer.toHexString(c.codePointAt(0)));
        }
        assertEquals(1, VisibleText.visibleLength("a" + " ".repeat(20)));
        assertEquals(2, VisibleText.visibleLength("腰痛"));
    }

    @Test
    void aTitleNeedsTenVisibleCharacters() {
        assertEquals(Optional.of("must have at least 10 visible characters; this has 1"), TITLE.problem("a" + " ".repeat(20)));
        assertTrue(TITLE.problem("\u200B".repeat(10)).orElseThrow().startsWith("a title is required"));
        assertEquals(Optional.of("a title is required"), TITLE.problem(""));
        assertEquals(Optional.empty(), TITLE.problem("Ischias: was half"));
        assertEquals(Optional.empty(), TITLE.problem("坐骨神经痛三个月的经历"));
    }

    @Test
    void controlCharactersAndNonCharactersAreRefusedByName() {
        assertEquals("contains a character that cannot be shown (U+000B, or a line break); please remove it",
                TITLE.problem("Vertical\u000Btab title").orElseThrow());
        assertTrue(TITLE.problem("Two\nline title here").isPresent(), "titles are one line");
        assertEquals(Optional.empty(), BODY.problem("Line one\n\tline two\r\n"));
        for (int cp : new int[] { 0x00, 0x01, 0x0B, 0x1F, 0x7F, 0x85, 0x9F, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE, 0x10FFFF }) {
            String text = "Fine text " + new String(Character.toChars(cp)) + " here";
            assertTrue(BODY.problem(text).orElseThrow().contains(VisibleText.codePointName(cp)), Integer.toHexString(cp));
        }
        assertTrue(BODY.problem("lone \uD800 surrogate").orElseThrow().contains("U+D800"));
    }

    @Test
    void optionalFieldsMayBeEmptyButNotTooLong() {
        TextLimit note = TextLimit.optional(1000);
        assertEquals(Optional.empty(), note.problem(null));
        assertEquals(Optional.empty(), note.problem(""));
        assertEquals(Optional.empty(), note.problem("é".repeat(1000)));
        assertTrue(note.problem("é".repeat(1001)).isPresent());
    }
}

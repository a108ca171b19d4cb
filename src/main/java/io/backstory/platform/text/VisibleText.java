package io.backstory.platform.text;

/**
 * Text measured as a reader sees it. Lengths are in characters (Unicode code points), so 40,000 characters of any
 * script fit a 40,000-character field; "visible" leaves out whitespace and characters that draw nothing (zero-width
 * spaces and joiners, the Braille blank, Hangul fillers, variation selectors ...), so a title of spaces or ten
 * U+200B is not a title.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * Line breaks as one LF. Browsers send a textarea's line breaks as CR LF; stored that way, a text at its limit would
     * be longer in the database than the member's own counter showed. Null stays null.
     */
    public static String unixLineBreaks(String text) {
        return text == null || text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Characters as the member's browser counts them: a line break sent as CR LF (as forms send it) is one. */
    public static int characters(String text) {
        int crlf = 0;
        for (int i = text.indexOf("\r\n"); i >= 0; i = text.indexOf("\r\n", i + 2)) {
            crlf++;
        }
        return text.codePointCount(0, text.length()) - crlf;
    }

    public static int visibleLength(String text) {
        return (int) text.codePoints().filter(VisibleText::isVisible).count();
    }

    static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE) {
            return false;
        }
        return !isBlankGlyph(cp);
    }

    /** Letters and marks that Unicode classes as visible but that render as nothing. */
    private static boolean isBlankGlyph(int cp) {
        return cp == 0x2800 // Braille pattern blank
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x034F // combining grapheme joiner
                || cp == 0x17B4 || cp == 0x17B5 // Khmer inherent vowels
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || (cp >= 0x180B && cp <= 0x180F); // Mongolian free variation selectors and vowel separator
    }

    /**
     * The first character no page, feed or database should hold: control characters (tab, line feed and carriage
     * return are kept where text has lines), DEL and the C1 controls, Unicode non-characters and unpaired
     * surrogates. -1 when there is none.
     */
    public static int firstUnprintable(String text, boolean multiLine) {
        return text.codePoints().filter(cp -> isUnprintable(cp, multiLine)).findFirst().orElse(-1);
    }

    static boolean isUnprintable(int cp, boolean multiLine) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return !multiLine;
        }
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || isNonCharacter(cp) || (cp >= 0xD800 && cp <= 0xDFFF);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** "U+000B", as the refusal names it. */
    public static String codePointName(int cp) {
        return String.format("U+%04X", cp);
    }
}

package io.backstory.platform.text;

import java.util.regex.Pattern;

/** Member Markdown as plain words for excerpts and snippets: the marks taken out, the words kept. */
public final class PlainWords {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\([^)\\s]*\\)");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d{1,3}[.)][ \\t]+)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*+|~~|`+|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    private static final Pattern HEADING_MID_LINE = Pattern.compile("(?<=\\s)#{1,6}(?=\\s)");

    private PlainWords() {
    }

    /** Links by their text; no heading, list, quote or emphasis marks; line breaks and spacing kept. */
    public static String fromMarkdown(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = LINE_MARKER.matcher(text).replaceAll("");
        text = HEADING_MID_LINE.matcher(text).replaceAll("");
        return EMPHASIS.matcher(text).replaceAll("");
    }

    /** The plain words on one line, cut at a word boundary to at most about maxChars, "…" when cut. */
    public static String excerpt(String markdown, int maxChars) {
        String plain = fromMarkdown(markdown).replaceAll("\\s+", " ").strip();
        if (plain.length() <= maxChars) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', maxChars);
        return plain.substring(0, cut > maxChars / 2 ? cut : maxChars).strip() + " …";
    }
}

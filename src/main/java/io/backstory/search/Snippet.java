package io.backstory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.backstory.platform.text.PlainWords;

/**
 * Turns PostgreSQL's headline fragments of a Markdown text into what a reader sees in a result: plain words without
 * Markdown's marks, each fragment starting at a word, "…" where the text goes on, matches in {@code <mark>}, the rest
 * escaped so member text stays inert.
 */
final class Snippet {

    static final char MARK_START = '\u0001';
    static final char MARK_END = '\u0002';
    static final char FRAGMENT_END = '\u0003';

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Snippet() {
    }

    /** headline: fragments ended by FRAGMENT_END (or one whole text), matches between MARK_START and MARK_END. */
    static String html(String headline, String source) {
        if (headline == null || headline.isBlank()) {
            return "";
        }
        String text = source == null ? "" : source;
        List<String> parts = new ArrayList<>();
        for (String fragment : headline.split(String.valueOf(FRAGMENT_END))) {
            if (fragment.isBlank()) {
                continue;
            }
            String plain = fragment.replace(String.valueOf(MARK_START), "").replace(String.valueOf(MARK_END), "");
            int at = text.indexOf(plain);
            String words = fragment;
            if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(plain.charAt(0))) {
                words = withoutFirstPartialWord(fragment);
            }
            String shown = SPACES.matcher(PlainWords.fromMarkdown(words)).replaceAll(" ").strip();
            if (shown.isEmpty()) {
                continue;
            }
            boolean before = at < 0 || hasWords(text.substring(0, at));
            boolean after = at < 0 || hasWords(text.substring(at + plain.length()));
            parts.add((before ? "… " : "") + escape(shown) + (after ? " …" : ""));
        }
        return String.join(" ", parts).replace("… …", "…");
    }

    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The fragment from its first whole word: PostgreSQL may cut the text inside a word. */
    private static String withoutFirstPartialWord(String fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == MARK_START) {
                return fragment.substring(i);
            }
            if (Character.isWhitespace(c)) {
                return fragment.substring(i + 1);
            }
        }
        return fragment;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace(String.valueOf(MARK_START), "<mark>").replace(String.valueOf(MARK_END), "</mark>");
    }
}

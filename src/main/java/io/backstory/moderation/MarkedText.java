package io.backstory.moderation;

import java.util.Comparator;
import java.util.List;

/** Text escaped for HTML with the words a rule matched wrapped in {@code <mark>}, whole or as a short snippet. */
final class MarkedText {

    private MarkedText() {
    }

    /** The whole text with every match marked. */
    static String whole(String text, List<ScreeningResult.Match> matches) {
        return marked(text, matches, 0, text.length());
    }

    /** Up to {@code context} characters either side of the first match, with "…" where the text goes on. */
    static String snippet(String text, List<ScreeningResult.Match> matches, int context) {
        int first = matches.stream().mapToInt(ScreeningResult.Match::start).min().orElse(0);
        int last = matches.stream().filter(m -> m.start() == first).mapToInt(ScreeningResult.Match::end).max().orElse(first);
        int from = Math.max(0, first - context);
        int to = Math.min(text.length(), last + context);
        return (from > 0 ? "…" : "") + marked(text, matches, from, to) + (to < text.length() ? "…" : "");
    }

    private static String marked(String text, List<ScreeningResult.Match> matches, int from, int to) {
        StringBuilder html = new StringBuilder();
        int at = from;
        for (ScreeningResult.Match match : matches.stream().sorted(Comparator.comparingInt(ScreeningResult.Match::start)).toList()) {
            int start = Math.max(match.start(), at);
            int end = Math.min(match.end(), to);
            if (start >= end) {
                continue; // empty, overlapping an earlier mark, or outside the snippet
            }
            html.append(escape(text.substring(at, start))).append("<mark>").append(escape(text.substring(start, end)))
                    .append("</mark>");
            at = end;
        }
        return html.append(escape(text.substring(at, Math.max(at, to)))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.backstory.writing;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing the parts of a reply that point at other members: quotes and @mentions. Pure logic. */
public final class ReplyText {

    /** A handle after "@", not inside a word or an e-mail address (bob@example.org mentions nobody). */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_@.-])@([A-Za-z0-9_-]{3,30})(?![A-Za-z0-9_-])");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
    private static final Pattern QUOTE_LINE = Pattern.compile("^\\s{0,3}>.*");

    private ReplyText() {
    }

    /** The comment as a Markdown quote to start a reply with: every line behind "> ", then a blank line. */
    public static String quote(String markdown) {
        StringBuilder quoted = new StringBuilder();
        for (String line : markdown.strip().split("\\R", -1)) {
            quoted.append(line.isBlank() ? ">" : "> " + line).append('\n');
        }
        return quoted.append('\n').toString();
    }

    /**
     * The handles a text mentions, lower-cased, in order, each once: not in quoted lines (a quote's mentions were
     * the quoted author's), nor in code.
     */
    public static Set<String> mentions(String markdown) {
        Set<String> handles = new LinkedHashSet<>();
        boolean inFence = false;
        for (String line : markdown.split("\\R")) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence || QUOTE_LINE.matcher(line).matches()) {
                continue;
            }
            Matcher m = MENTION.matcher(CODE_SPAN.matcher(line).replaceAll(" "));
            while (m.find()) {
                handles.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return handles;
    }
}

package io.backstory.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile input corpus (src/test/resources/hostile/payloads.txt): XSS vectors, SQL and tsquery metacharacters,
 * Unicode edge cases. One payload per line; escapes for newline, tab, backslash and any code point (a backslash, "u",
 * the hex code in braces) make invisible characters visible.
 */
public final class HostilePayloads {

    private static final Pattern ESCAPE = Pattern.compile("\\\\(n|t|\\\\|u\\{([0-9A-Fa-f]+)\\})");

    private HostilePayloads() {
    }

    public static List<String> all() {
        try (InputStream in = HostilePayloads.class.getResourceAsStream("/hostile/payloads.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#!")).map(HostilePayloads::unescape).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String line) {
        Matcher m = ESCAPE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "n" -> "\n";
                case "t" -> "\t";
                case "\\" -> "\\";
                default -> new String(Character.toChars(Integer.parseInt(m.group(2), 16)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}

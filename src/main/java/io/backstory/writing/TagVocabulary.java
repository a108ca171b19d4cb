package io.backstory.writing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words people use for each condition and remedy ({@code writing/tag-words.txt}), kept as data so they can grow
 * without touching code. Each phrase becomes a whole-word pattern; see the file's header for the notation.
 */
public record TagVocabulary(List<Entry> entries) {

    public static final String RESOURCE = "writing/tag-words.txt";

    private static final Pattern LINE = Pattern.compile("(condition|remedy)\\s+([a-z0-9-]+)\\s*:\\s*(.+)");
    private static final Pattern SHOUTED = Pattern.compile("[A-Z]{2,4}");

    /** One tag and the patterns that find it. */
    public record Entry(TagKind kind, String slug, List<Pattern> phrases) {

        /** Where the first of its phrases occurs in the text, or -1. */
        int firstMatch(String text) {
            int first = -1;
            for (Pattern phrase : phrases) {
                Matcher m = phrase.matcher(text);
                if (m.find() && (first < 0 || m.start() < first)) {
                    first = m.start();
                }
            }
            return first;
        }
    }

    public static TagVocabulary load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TagVocabulary parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(content);
            if (!m.matches()) {
                throw new IllegalArgumentException("Cannot read this line of " + RESOURCE + ": " + line);
            }
            List<Pattern> phrases = new ArrayList<>();
            for (String phrase : m.group(3).split(",")) {
                if (!phrase.isBlank()) {
                    phrases.add(pattern(phrase.strip()));
                }
            }
            entries.add(new Entry(TagKind.valueOf(m.group(1).toUpperCase()), m.group(2), List.copyOf(phrases)));
        }
        return new TagVocabulary(List.copyOf(entries));
    }

    private static Pattern pattern(String phrase) {
        boolean anyEnding = phrase.endsWith("*");
        String words = anyEnding ? phrase.substring(0, phrase.length() - 1) : phrase;
        // Spaces and hyphens between words are interchangeable: "cat cow", "cat-cow".
        String body = java.util.Arrays.stream(words.split("[\\s-]+")).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[\\s-]*"));
        String regex = "(?<![\\p{L}\\p{N}])" + body + (anyEnding ? "[\\p{L}'-]*" : "(?![\\p{L}\\p{N}])");
        return SHOUTED.matcher(words).matches() ? Pattern.compile(regex)
                : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

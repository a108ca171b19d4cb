package io.backstory.moderation.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sentence with the label a person gave it. Files hold one per line: {@code LABEL<TAB>sentence}; # starts a comment. */
public record LabelledSentence(SentenceLabel label, String text) {

    /** Reads a labelled set from the class path; a missing file or a bad label is an error naming the line. */
    public static List<LabelledSentence> read(String resource) {
        InputStream in = LabelledSentence.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No labelled set on the class path: " + resource);
        }
        List<LabelledSentence> sentences = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException(resource + ":" + number + ": expected LABEL<TAB>sentence");
                }
                sentences.add(new LabelledSentence(SentenceLabel.valueOf(parts[0].trim()), parts[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}

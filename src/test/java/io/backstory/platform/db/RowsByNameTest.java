package io.backstory.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Query rows are read by column name ({@link NamedRow}), never as {@code Object[]} by position: a column added to a
 * select shifts every index after it, silently. Plain JUnit over the main sources.
 */
class RowsByNameTest {

    /** A query's rows as arrays: {@code List<Object[]> rows = ...} or a single row cast to {@code Object[]}. */
    private static final Pattern ROWS_AS_ARRAYS = Pattern.compile("List<Object\\[\\]>|\\(Object\\[\\]\\)\\s*em\\.");

    @Test
    void noQueryRowIsReadByPosition() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    List<String> lines = Files.readAllLines(f);
                    return java.util.stream.IntStream.range(0, lines.size())
                            .filter(i -> ROWS_AS_ARRAYS.matcher(lines.get(i)).find())
                            .mapToObj(i -> f + ":" + (i + 1) + ": " + lines.get(i).strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), found, "rows read as Object[]; map them by name with NamedRow");
    }
}

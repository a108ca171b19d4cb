package io.backstory.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Queries name enum constants through {@link SqlEnum}, never as a quoted literal such as {@code 'PUBLISHED'}: renaming
 * a constant would leave the literal comparing with a value no row holds, and nothing would fail. Plain JUnit over the
 * main sources, against the constants of every enum in the compiled main classes.
 */
class EnumsInSqlTest {

    private static final Pattern QUOTED_NAME = Pattern.compile("'([A-Z][A-Z0-9_]+)'");

    @Test
    void noQueryQuotesAnEnumConstant() throws IOException {
        Set<String> constants = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backstory").stream().filter(JavaClass::isEnum)
                .flatMap(e -> e.getEnumConstants().stream().map(c -> c.name())).collect(Collectors.toSet());
        assertTrue(constants.contains("PUBLISHED"), "the main classes were found");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> quotedConstants(f, constants)).toList();
        }
        assertEquals(List.of(), found, "enum constants quoted in SQL; use SqlEnum.literal or SqlEnum.in");
    }

    private static Stream<String> quotedConstants(Path file, Set<String> constants) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size()).boxed().flatMap(i -> {
                Matcher m = QUOTED_NAME.matcher(lines.get(i));
                return m.results().map(r -> r.group(1)).filter(constants::contains)
                        .map(name -> file + ":" + (i + 1) + ": '" + name + "'");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

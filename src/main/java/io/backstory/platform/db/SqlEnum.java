package io.backstory.platform.db;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enums in SQL. Columns store an enum by its name ({@code @Enumerated(STRING)} or the name bound as text); this is the
 * one place a query spells one, and {@link NamedRow#enumValue} the one place a column is read back as one, so a renamed
 * constant cannot leave a query comparing with a value that no longer exists (a test forbids quoted names elsewhere).
 */
public final class SqlEnum {

    private SqlEnum() {
    }

    /** The constant as a SQL string literal: its name in single quotes. */
    public static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }

    /** The constants as a parenthesised SQL list, for {@code in}. */
    public static String in(Enum<?>... values) {
        return Arrays.stream(values).map(SqlEnum::literal).collect(Collectors.joining(", ", "(", ")"));
    }
}

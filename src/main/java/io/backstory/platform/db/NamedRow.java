package io.backstory.platform.db;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/** One row of a native query read by column name, so a record is filled by name and never by position. */
public record NamedRow(Tuple tuple) {

    /** Runs a native query built with {@code Tuple.class} and wraps its rows. */
    @SuppressWarnings("unchecked")
    public static List<NamedRow> all(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(NamedRow::new).toList();
    }

    public String text(String column) {
        return (String) tuple.get(column);
    }

    public long number(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    public Long numberOrNull(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    /**
     * A column holding an array of numbers (SQL {@code array_agg}, say; Hibernate hands it over boxed); empty for SQL
     * null, as an aggregate of no rows is.
     */
    public long[] numbers(String column) {
        Object[] items = (Object[]) tuple.get(column);
        if (items == null) {
            return new long[0];
        }
        long[] numbers = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            numbers[i] = ((Number) items[i]).longValue();
        }
        return numbers;
    }

    public double decimal(String column) {
        return ((Number) tuple.get(column)).doubleValue();
    }

    public boolean bool(String column) {
        return (Boolean) tuple.get(column);
    }

    public Boolean boolOrNull(String column) {
        return (Boolean) tuple.get(column);
    }

    public Instant instant(String column) {
        return (Instant) tuple.get(column);
    }

    /** A column holding an enum constant's name (see {@link SqlEnum}). */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        return Enum.valueOf(type, text(column));
    }

    public <E extends Enum<E>> E enumOrNull(String column, Class<E> type) {
        String name = text(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}

package io.backstory.community;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.api.PageCursor;

/**
 * How a post list is ordered. Each order is a column kept on the row (see voting/Ranking and migration V4),
 * indexed, and paged by keyset on (column, id).
 */
public enum PostSort {
    NEW("p.created_at", Instant::parse),
    HOT("p.hot_rank", Double::valueOf),
    BEST("p.best_rank", Double::valueOf),
    TOP("p.score", Integer::valueOf);

    final String column;
    private final Function<String, Object> parseKey;

    PostSort(String column, Function<String, Object> parseKey) {
        this.column = column;
        this.parseKey = parseKey;
    }

    /** The cursor's key as the query parameter for this order; invalid input if it was made for another order. */
    Object key(PageCursor cursor, String parameter) {
        try {
            return parseKey.apply(cursor.key());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw PageCursor.invalid(parameter);
        }
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostSort fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return NEW;
        }
        for (PostSort sort : values()) {
            if (sort.name().equalsIgnoreCase(value.strip())) {
                return sort;
            }
        }
        throw new InvalidInputException("sort", "must be new, hot, best or top");
    }

    /** The time window of "Top". */
    public enum Period {
        WEEK(7), MONTH(30), YEAR(365), ALL(0);

        final int days;

        Period(int days) {
            this.days = days;
        }

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Period fromParameter(String value) {
            if (value == null || value.isBlank()) {
                return ALL;
            }
            for (Period period : values()) {
                if (period.name().equalsIgnoreCase(value.strip())) {
                    return period;
                }
            }
            throw new InvalidInputException("period", "must be week, month, year or all");
        }
    }
}

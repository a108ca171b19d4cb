package io.backstory.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far an instance has read the log of search changes (migration V41). Numbers are taken at commit, so a
 * transaction may show number n+1 while n is still committing: a number missing below the highest read is asked for
 * again until it shows, or until {@code patience} has passed (its transaction rolled back). Not thread-safe.
 */
final class ChangeCursor {

    private final Duration patience;
    private long highest;
    /** Numbers below {@link #highest} not read yet, with when they were first missed. */
    private final Map<Long, Instant> missing = new LinkedHashMap<>();

    ChangeCursor(long highest, Duration patience) {
        this.highest = highest;
        this.patience = patience;
    }

    long highest() {
        return highest;
    }

    /** The numbers below {@link #highest} to ask for again. */
    List<Long> missing() {
        return List.copyOf(missing.keySet());
    }

    /** Records the numbers read (those above the highest and those missing before) at {@code now}. */
    void read(Collection<Long> numbers, Instant now) {
        long top = numbers.stream().mapToLong(Long::longValue).max().orElse(highest);
        for (long n = highest + 1; n < top; n++) {
            missing.put(n, now);
        }
        numbers.forEach(missing::remove);
        missing.values().removeIf(since -> since.plus(patience).isBefore(now));
        highest = Math.max(highest, top);
    }
}

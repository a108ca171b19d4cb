package io.backstory.platform.cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.backstory.platform.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Read models shared by every viewer (a condition's best tips, first pages of post lists, the rendered thread that
 * logged-out readers see), kept in memory for at most {@code backstory.cache.ttl}. Entries are keyed by the database's
 * content generation (migration V14), which moves on every committed change readers could see, so a new post, an edit
 * or a moderator's decision shows at once on every instance; only vote tallies and ranks may lag, by the ttl at most
 * (and the time of one load). When an entry outlives the ttl in its own generation, the first reader loads it again
 * while the others keep getting the old value for that moment, instead of all queuing behind the load: nothing
 * readers see differs but tallies, as the generation has not moved.
 */
@ApplicationScoped
public class ReadCache {

    private record Entry(long generation, Object key) {
    }

    /** A value and when it was loaded ({@link Ticker} nanoseconds). */
    private record Loaded(Object value, long at) {
    }

    /**
     * A cached value that knows its size in characters or bytes (a render kept in parts rather than as one string, a
     * page kept encoded).
     */
    public interface Weighed {
        int weight();
    }

    private final LongSupplier generation;
    private final Ticker ticker;
    private final long ttlNanos;
    private final Cache<Entry, Loaded> entries;
    private final ConcurrentHashMap<Entry, Object> loading = new ConcurrentHashMap<>();

    @Inject
    public ReadCache(ContentGeneration generation, Limits limits) {
        this(generation::current, limits.cache().ttl(), limits.cache().maxChars(), Ticker.systemTicker());
    }

    ReadCache(LongSupplier generation, Duration ttl, long maxChars, Ticker ticker) {
        this.generation = generation;
        this.ticker = ticker;
        this.ttlNanos = ttl.toNanos();
        // Kept twice the ttl, so an entry read in its second ttl can be served while it is loaded again.
        // Weighed roughly by size: rendered HTML by its length (in parts too), a list of a page's rows as a few thousand characters.
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl.multipliedBy(2)).maximumWeight(maxChars).ticker(ticker)
                .weigher((Entry key, Loaded loaded) -> loaded.value() instanceof String html ? html.length()
                        : loaded.value() instanceof Weighed weighed ? weighed.weight() : 4_000)
                .build();
    }

    private boolean fresh(Loaded loaded) {
        return ticker.read() - loaded.at() < ttlNanos;
    }

    /** The value for {@code key} in the current generation, or null when there is none younger than the ttl. */
    @SuppressWarnings("unchecked")
    public <V> V find(Object key) {
        Loaded loaded = entries.getIfPresent(new Entry(generation.getAsLong(), key));
        return loaded != null && fresh(loaded) ? (V) loaded.value() : null;
    }

    /**
     * The value for {@code key} in the current generation, from {@code load} when there is none. Readers arriving
     * together at a missing entry wait for one load instead of all running it (a popular search, just after a change);
     * at an entry older than the ttl, one of them loads it again and the others get the old value meanwhile.
     * Loads may nest (a page's model made of cached lists); each key has its own lock and a nested key's load never
     * waits for an outer one, so they cannot deadlock. Caffeine's own atomic compute forbids such nesting.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> load) {
        Entry entry = new Entry(generation.getAsLong(), key);
        Loaded loaded = entries.getIfPresent(entry);
        if (loaded != null && fresh(loaded)) {
            return (V) loaded.value();
        }
        Object lock = new Object();
        Object other;
        // The lock is held before it is published, so a reader who finds it waits for this load.
        synchronized (lock) {
            other = loading.putIfAbsent(entry, lock);
            if (other == null) {
                try {
                    Loaded now = entries.getIfPresent(entry);
                    if (now == null || !fresh(now)) {
                        now = new Loaded(load.get(), ticker.read());
                        entries.put(entry, now);
                    }
                    return (V) now.value();
                } finally {
                    loading.remove(entry, lock);
                }
            }
            if (loaded != null) {
                return (V) loaded.value();
            }
        }
        synchronized (other) {
            loaded = entries.getIfPresent(entry);
        }
        // Null when the other reader's load failed: this reader tries itself.
        return loaded != null ? (V) loaded.value() : get(key, load);
    }
}

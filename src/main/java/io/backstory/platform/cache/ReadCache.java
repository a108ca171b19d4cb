package io.backstory.platform.cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.backstory.platform.Limits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Read models shared by every viewer (a condition's best tips, first pages of post lists, the rendered thread that
 * logged-out readers see), kept in memory for at most {@code backstory.cache.ttl}. Entries are keyed by the database's
 * content generation (migration V14), which moves on every committed change readers could see, so a new post, an edit
 * or a moderator's decision shows at once on every instance; only vote tallies and ranks may lag, by the ttl at most.
 */
@ApplicationScoped
public class ReadCache {

    private record Entry(long generation, Object key) {
    }

    /**
     * A cached value that knows its size in characters or bytes (a render kept in parts rather than as one string, a
     * page kept encoded).
     */
    public interface Weighed {
        int weight();
    }

    private final ContentGeneration generation;
    private final Cache<Entry, Object> entries;
    private final ConcurrentHashMap<Entry, Object> loading = new ConcurrentHashMap<>();

    public ReadCache(ContentGeneration generation, Limits limits) {
        this.generation = generation;
        Duration ttl = limits.cache().ttl();
        long maxChars = limits.cache().maxChars();
        // Weighed roughly by size: rendered HTML by its length (in parts too), a list of a page's rows as a few thousand characters.
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(maxChars)
                .weigher((Entry key, Object value) -> value instanceof String html ? html.length()
                        : value instanceof Weighed weighed ? weighed.weight() : 4_000)
                .build();
    }

    /** The value for {@code key} in the current generation, or null when there is none. */
    @SuppressWarnings("unchecked")
    public <V> V find(Object key) {
        return (V) entries.getIfPresent(new Entry(generation.current(), key));
    }

    /**
     * The value for {@code key} in the current generation, from {@code load} when there is none. Readers arriving
     * together at a missing entry wait for one load instead of all running it (a popular search, just after a change).
     * Loads may nest (a page's model made of cached lists); each key has its own lock and a nested key's load never
     * waits for an outer one, so they cannot deadlock. Caffeine's own atomic compute forbids such nesting.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> load) {
        Entry entry = new Entry(generation.current(), key);
        Object value = entries.getIfPresent(entry);
        if (value != null) {
            return (V) value;
        }
        Object lock = loading.computeIfAbsent(entry, k -> new Object());
        try {
            synchronized (lock) {
                value = entries.getIfPresent(entry);
                if (value == null) {
                    value = load.get();
                    entries.put(entry, value);
                }
                return (V) value;
            }
        } finally {
            loading.remove(entry, lock);
        }
    }
}

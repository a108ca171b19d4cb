package io.backstory.platform.cache;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    private final ContentGeneration generation;
    private final Cache<Entry, Object> entries;

    public ReadCache(ContentGeneration generation, @ConfigProperty(name = "backstory.cache.ttl") Duration ttl,
            @ConfigProperty(name = "backstory.cache.max-chars") long maxChars) {
        this.generation = generation;
        // Weighed roughly by size: rendered HTML by its length, a list of a page's rows as a few thousand characters.
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(maxChars)
                .weigher((Entry key, Object value) -> value instanceof String html ? html.length() : 4_000)
                .build();
    }

    /**
     * The value for {@code key} in the current generation, from {@code load} when there is none. Loads may nest (a page's
     * model made of cached lists), so this is a plain look-up then store, not an atomic compute: two readers arriving
     * together at an expired entry may both load it, which costs time but never correctness.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> load) {
        Entry entry = new Entry(generation.current(), key);
        Object value = entries.getIfPresent(entry);
        if (value == null) {
            value = load.get();
            entries.put(entry, value);
        }
        return (V) value;
    }
}

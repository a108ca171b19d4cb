package io.backstory.platform;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The shared read models cached as in production, for an hour so nothing expires during a test (the other tests run
 * with the cache off, to see every vote at once).
 */
public class CacheOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("backstory.cache.ttl", "1h");
    }
}

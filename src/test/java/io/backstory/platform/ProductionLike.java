package io.backstory.platform;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two settings production runs with that the other tests leave off: the shared read models cached (for an hour, so
 * nothing expires during a test; the other tests run with the cache off, to see every vote at once) and a configured
 * public address (production requires one; dev and the other tests use the request's). In one profile, so that the
 * tests of either share one application start.
 */
public class ProductionLike implements QuarkusTestProfile {

    public static final String PUBLIC_URL = "https://forum.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("backstory.cache.ttl", "1h", "backstory.public-url", PUBLIC_URL);
    }
}

package io.backstory.platform;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Small limits for the tests that use them up through the real endpoints (the other tests run with generous ones).
 * Each test of this profile uses up the allowance of a member only it logs in as.
 */
public class SmallLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("backstory.limits.flags-per-hour", "6", "backstory.limits.tag-suggestions-per-hour", "3",
                "backstory.limits.previews-per-minute", "5", "backstory.limits.address-checks-per-day", "2");
    }

    /** The limit in force, as the application reads it. */
    public static int limit(String name) {
        return ConfigProvider.getConfig().getValue("backstory.limits." + name, Integer.class);
    }
}

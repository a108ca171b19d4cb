package io.backstory.platform;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For integration tests that write far more than one member would in an hour, as brand-new members: lifts the
 * hourly limits and the review of new members' first posts (both are tested on their own).
 */
public class GenerousLimits implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("backstory.limits.posts-per-hour", "100000", "backstory.limits.comments-per-hour", "100000",
                "backstory.limits.votes-per-hour", "100000", "backstory.trust.review-new-members", "false");
    }

    @Override
    public void stop() {
    }
}

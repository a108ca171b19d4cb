package io.backstory.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-member limits per hour (BACKSTORY_LIMITS_POSTS_PER_HOUR and so on). */
@ConfigMapping(prefix = "backstory.limits")
public interface RateLimits {

    @WithDefault("10")
    int postsPerHour();

    @WithDefault("60")
    int commentsPerHour();

    @WithDefault("300")
    int votesPerHour();

    @WithDefault("20")
    int flagsPerHour();
}

package io.backstory.platform.ratelimit;

import io.smallrye.config.WithDefault;

/**
 * Per-member limits per hour (BACKSTORY_LIMITS_POSTS_PER_HOUR and so on), and the screening previews' per minute; part
 * of {@link io.backstory.platform.Limits}.
 */
public interface RateLimits {

    @WithDefault("10")
    int postsPerHour();

    @WithDefault("60")
    int commentsPerHour();

    @WithDefault("300")
    int votesPerHour();

    @WithDefault("20")
    int flagsPerHour();

    @WithDefault("10")
    int tagSuggestionsPerHour();

    /**
     * Screening previews per member (or, logged out, per address) and minute, however asked for: the live preview
     * (at most one every 1.2 s of typing, so 50 a minute), "Check before posting" and the API.
     */
    @WithDefault("60")
    int previewsPerMinute();

    /**
     * E-mail addresses a member may enter per day. Each one sends a confirmation mail to that address, which may be a
     * stranger's: the limit keeps the settings form from being used to flood someone's inbox.
     */
    @WithDefault("5")
    int addressChecksPerDay();
}

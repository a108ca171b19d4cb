package io.backstory.moderation;

import java.time.Duration;

import io.backstory.accounts.Member;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one allowance for screening previews, whichever way they are asked for (the live preview while typing,
 * "Check before posting", {@code POST /api/v1/screening}): {@link RateLimits#previewsPerMinute()} per member, or per
 * address for visitors. Screening costs CPU, so no way in may be cheaper than another.
 */
@ApplicationScoped
public class PreviewLimit {

    private static final String BUCKET = "screening-preview";

    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    public PreviewLimit(RateLimiter rateLimiter, RateLimits limits) {
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    /** Counts one preview for the member; rate limited past the allowance. */
    public void acquire(Member member) {
        count(member.limitBucket(BUCKET + ":member"));
    }

    /** Counts one preview for a visitor at this address; rate limited past the allowance. */
    public void acquireForAddress(String address) {
        count(BUCKET + ":address:" + address);
    }

    private void count(String bucket) {
        rateLimiter.acquire(bucket, limits.previewsPerMinute(), Duration.ofMinutes(1));
    }
}

package io.backstory.platform;

import io.backstory.platform.api.PageSizes;
import io.backstory.platform.ratelimit.RateLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The two groups of {@link Limits} most classes use, as beans of their own: a class that counts hits or lists rows
 * injects just those (and a test can hand it others). The rest inject {@link Limits} and keep their group.
 */
@Dependent
class LimitGroups {

    @Produces
    @Singleton
    RateLimits rates(Limits limits) {
        return limits.rates();
    }

    @Produces
    @Singleton
    PageSizes pageSizes(Limits limits) {
        return limits.pageSizes();
    }
}

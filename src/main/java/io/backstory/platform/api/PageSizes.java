package io.backstory.platform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many rows the lists that have no pages show at most (BACKSTORY_PAGE_SIZES_REVIEW_QUEUE and so on): each is one
 * statement whose cost grows with this number, so it is bounded, and the bound is named once.
 */
@ConfigMapping(prefix = "backstory.page-sizes")
public interface PageSizes {

    /** Items of a review-queue tab: shown, acted on together, and walked by "previous" and "next". */
    @WithDefault("200")
    int reviewQueue();

    /** A member's bookmarks, newest first. */
    @WithDefault("200")
    int bookmarks();

    /** Notifications one digest mail lists. */
    @WithDefault("100")
    int digestNotifications();
}

package io.backstory.platform.api;

import io.smallrye.config.WithDefault;

/**
 * How many rows a list shows (BACKSTORY_PAGE_SIZES_REVIEW_QUEUE and so on), part of {@link io.backstory.platform.Limits}:
 * each list is one statement whose cost grows with its size, so it is bounded, and the bound is named once.
 */
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

    /** Posts (and tips) per page of a list, and the API's {@code limit} when none is given. */
    @WithDefault("20")
    int posts();

    /** The largest {@code limit} the API's lists accept. */
    @WithDefault("100")
    int postsMax();

    /** Recent posts on the home page. */
    @WithDefault("20")
    int homePosts();

    /** Best tips on a condition's overview. */
    @WithDefault("5")
    int bestTips();

    /** Steps per page of the moderators' audit log. */
    @WithDefault("50")
    int auditLog();

    /** Notifications a member's notification page shows. */
    @WithDefault("50")
    int notifications();

    /** Recent posts and comments on a member's profile, each. */
    @WithDefault("20")
    int profileWritings();

    /** Entries of an Atom feed. */
    @WithDefault("30")
    int feedEntries();

    /** Conditions and remedies a tag search offers. */
    @WithDefault("20")
    int tagMatches();
}

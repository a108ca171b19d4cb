package io.backstory.platform.content;

/**
 * Screening of member text that is neither a post nor a comment (a suggested tag's name and note): what screening
 * blocks is refused, nothing else happens. Moderation implements it; features that moderation itself depends on (the
 * taxonomy) screen through this interface, so the dependency runs one way.
 */
public interface TextScreening {

    /** Refuses text that screening blocks (blocked, with the screening result), as a post or comment would be. */
    void refuseBlocked(String text);
}

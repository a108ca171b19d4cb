package io.backstory.platform.text;

/**
 * The lengths members are promised (README, Limits), in characters. Constants because validation annotations need
 * them at compile time; every form, API request and moderator edit of the same kind of text uses the same one.
 */
public final class ContentLimits {

    public static final int TITLE_MIN = 10;
    public static final int TITLE_MAX = 200;
    public static final int POST_BODY_MAX = 40_000;
    public static final int COMMENT_BODY_MAX = 10_000;
    /** Flag notes and tag-suggestion notes. */
    public static final int NOTE_MAX = 1_000;
    /** Moderators' safety notes and reasons shown to authors, and rule notices. */
    public static final int SAFETY_NOTE_MAX = 2_000;

    private ContentLimits() {
    }
}

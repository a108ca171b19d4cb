package io.backstory.drafts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.backstory.platform.text.ContentLimits;

/**
 * The forms whose text is kept as a draft, each known by the address of its page (the key of a member's draft and
 * where "Open" leads), with the limits of its text fields. Any other address is refused, so a draft never points
 * elsewhere.
 */
public enum DraftForm {
    NEW_POST("A new post", "/posts/new", Map.of("title", ContentLimits.TITLE_MAX, "body", ContentLimits.POST_BODY_MAX)),
    POST_EDIT("An edit of your post", "/posts/\\d{1,18}/edit",
            Map.of("title", ContentLimits.TITLE_MAX, "body", ContentLimits.POST_BODY_MAX)),
    COMMENT("A comment", "/posts/\\d{1,18}", Map.of("body", ContentLimits.COMMENT_BODY_MAX)),
    REPLY("A reply", "/comments/\\d{1,18}/reply", Map.of("body", ContentLimits.COMMENT_BODY_MAX)),
    COMMENT_EDIT("An edit of your comment", "/comments/\\d{1,18}/edit", Map.of("body", ContentLimits.COMMENT_BODY_MAX));

    private final String label;
    private final Pattern page;
    private final Map<String, Integer> textLimits;

    DraftForm(String label, String page, Map<String, Integer> textLimits) {
        this.label = label;
        this.page = Pattern.compile(page);
        this.textLimits = textLimits;
    }

    /** What the drafts page calls it: "A new post", "A reply" ... */
    public String label() {
        return label;
    }

    /** The most characters each text field may hold (the same limits as the form itself). */
    Map<String, Integer> textLimits() {
        return textLimits;
    }

    /** The form whose page is at this address, if it is one that keeps drafts. */
    public static Optional<DraftForm> ofPage(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (DraftForm form : values()) {
            if (form.page.matcher(path).matches()) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}

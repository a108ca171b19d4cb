package io.backstory.moderation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.backstory.platform.content.ContentStatus;

/**
 * An item as a moderator reviews it. {@code history}: every audit-log entry about the same post or comment, this
 * item's and earlier items', oldest first, so an earlier decision is in sight when deciding again.
 * {@code authorDecisions}: moderators' decisions about the author's other posts and comments, newest first.
 */
public record ItemDetail(long id, ReviewItemStatus status, ReviewTarget target, long targetId, long postId,
        String postTitle, ContentStatus contentStatus, String author, Long authorId, String bodyMarkdown,
        List<ReviewReason> reasons, List<Flag> flags, long authorRemovedCount, double flagWeight, Instant createdAt,
        int version, List<LogEntry> history, AuthorRecord authorRecord, List<LogEntry> authorDecisions,
        List<String> safetyNotices) {

    /** A member's flag on the item. */
    public record Flag(String flagger, String reason, String note, double weight, Instant createdAt) {
    }

    /** What a moderator may do with this item: dismissing flags only when members flagged it. */
    public List<ReviewAction> actions() {
        return DecisionRules.offered(!flags.isEmpty());
    }

    /** Whether this item's own flags hid the content (rather than a moderator, earlier). */
    boolean hiddenByItsFlags() {
        return contentStatus == ContentStatus.HIDDEN && history.stream()
                .anyMatch(entry -> entry.itemId() == id && entry.action() == AuditAction.HIDDEN_BY_FLAGS);
    }

    /** The content as escaped text with every quoted excerpt from the reasons marked, for the review page. */
    public String highlightedText() {
        String html = escape(bodyMarkdown == null ? "" : bodyMarkdown);
        Set<String> excerpts = new LinkedHashSet<>();
        reasons.stream().map(ReviewReason::excerpt).filter(Objects::nonNull).forEach(e -> excerpts.add(escape(e)));
        for (String excerpt : excerpts) {
            html = html.replace(excerpt, "<mark>" + excerpt + "</mark>");
        }
        return html;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

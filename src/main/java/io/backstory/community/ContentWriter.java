package io.backstory.community;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.ContentScreening;
import io.backstory.moderation.NewMemberReview;
import io.backstory.moderation.ReviewTarget;
import io.backstory.moderation.ScreeningResult;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.content.ContentKind;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.taxonomy.Condition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The write pipeline posts and comments share, create and edit alike: the checks before anything is written, then
 * screening, the row, its revision and the review queue. What follows a save (notifications, counts, search) is each
 * service's own.
 */
@ApplicationScoped
class ContentWriter {

    private final InputValidator validator;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;
    private final MarkdownRenderer markdown;
    private final ContentScreening screening;
    private final NewMemberReview newMembers;
    private final ContentStore store;
    private final MemberStanding standing;

    ContentWriter(InputValidator validator, RateLimiter rateLimiter, RateLimits limits, MarkdownRenderer markdown,
            ContentScreening screening, NewMemberReview newMembers, ContentStore store, MemberStanding standing) {
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.markdown = markdown;
        this.screening = screening;
        this.newMembers = newMembers;
        this.store = store;
        this.standing = standing;
    }

    /** Before an edit: a valid request from a writer who is not silenced. */
    void admit(Object request, Member writer) {
        validator.check(request);
        writer.requireNotSilenced();
    }

    /** Before a new post or comment: as for an edit, and within the author's hourly allowance for its kind. */
    void admitNew(Object request, Member author, ContentKind kind) {
        admit(request, author);
        boolean post = kind == ContentKind.POST;
        rateLimiter.acquire(author.limitBucket(post ? "posts" : "comments"),
                post ? limits.postsPerHour() : limits.commentsPerHour(), Duration.ofHours(1));
    }

    /**
     * Renders, screens and saves new or edited content whose Markdown its writer has set. Screening reads
     * {@code screenedText} (a post's title and text, a comment's text) with the post's {@code conditions} in scope:
     * BLOCK throws before anything is written; HOLD (screening's, or a new member's first post or link, new or edited)
     * keeps it from the public until a moderator approves it; notices are stored with it. The revision records
     * {@code revisionTags} (a post's; null for a comment) and joins the public history only if the text is public
     * (held text joins it when a moderator publishes it). An edit may change whether it counts as a tip, so its
     * editor's "helped" total is recounted.
     */
    void save(AuthoredContent content, Member editor, String screenedText, Set<Condition> conditions,
            String revisionTags) {
        boolean edit = content.id != null;
        content.bodyHtml = markdown.toSafeHtml(content.bodyMarkdown);
        ScreeningResult screened = newMembers.review(
                screening.screenForSaving(screenedText, conditions.stream().map(c -> c.slug).toList()),
                content.author, ReviewTarget.valueOf(content.contentKind().name()), edit, screenedText);
        content.applyScreening(screened);
        if (edit) {
            content.editedAt = Instant.now();
            content.persistAndFlush(); // bumps the version, so the revision records the new one
        } else {
            content.persist();
        }
        store.recordRevision(content.contentKind(), content.id, editor.id, revisionTags, content.isVisible());
        boolean post = content.contentKind() == ContentKind.POST;
        screening.queueForReview(post ? content.id : null, post ? null : content.id, screened);
        if (edit) {
            standing.recountHelped(editor.id);
        }
    }
}

package io.backstory.moderation;

import java.time.Duration;
import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.platform.Limits;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.ModeratedContent;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.InvalidInputException;
import io.backstory.platform.errors.NotAllowedException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Member flags. Each flag weighs by its flagger's trust and record:
 * {@code trust · 2 · (upheld + 1) / (upheld + dismissed + 2)} with trust 1 for basic members and 0.5 for new
 * ones, so a basic member without a record weighs 1, a reliable flagger up to 2, an unreliable one towards 0.
 * Flags add up on the target's one open review item; at {@link Limits.Moderation#flagWeightToHide} (three basic
 * members' flags without a record) the content is hidden pending
 * review. A flag lives as long as its author's account, and the item's weight is always the sum of its live flags.
 */
@ApplicationScoped
public class FlagService {

    /** SQL: the weight of review item {@code r}, the sum of its flags' weights (0 without flags). */
    static final String FLAG_WEIGHT = "(select coalesce(sum(f.weight), 0) from content_flag f where f.review_item_id = r.id)";

    public record FlagResult(long reviewItemId, double flagWeight, boolean hidden) {
    }

    /** A member's own flag on a post or comment, for telling them so when they open its flag page again. */
    public record OwnFlag(FlagReason reason, java.time.Instant flaggedAt) {
    }

    private final EntityManager em;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    private final ModeratedContent content;
    private final ReviewItems items;
    private final ReviewReasons reasons;
    private final double flagWeightToHide;

    public FlagService(EntityManager em, RateLimiter rateLimiter, RateLimits limits, ModeratedContent content,
            ReviewItems items, ReviewReasons reasons, Limits allLimits) {
        this.em = em;
        this.flagWeightToHide = allLimits.moderation().flagWeightToHide();
        this.content = content;
        this.items = items;
        this.reasons = reasons;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    static final TextLimit NOTE = TextLimit.optional(ContentLimits.NOTE_MAX);

    static double weight(Member flagger) {
        double trust = flagger.trustLevel >= 1 ? 1.0 : 0.5;
        return trust * 2.0 * (flagger.flagsUpheld + 1) / (flagger.flagsUpheld + flagger.flagsDismissed + 2);
    }

    /** The post a flaggable comment belongs to, for the flag page's way back to it; not found for any other comment. */
    @Transactional
    public long postOfComment(long commentId) {
        List<?> posts = em.createNativeQuery("select post_id from comment where id = ?1 and not deleted and status in "
                + SqlEnum.in(ContentStatus.PUBLISHED, ContentStatus.HIDDEN))
                .setParameter(1, commentId).getResultList();
        if (posts.isEmpty()) {
            throw new NotFoundException("comment " + commentId);
        }
        return ((Number) posts.get(0)).longValue();
    }

    @Transactional
    public java.util.Optional<OwnFlag> ownFlag(ReviewTarget target, long id, Member member) {
        return NamedRow.all(em.createNativeQuery("select reason, created_at from content_flag where member_id = ?1 and "
                + target.column + " = ?2", Tuple.class)
                .setParameter(1, member.id).setParameter(2, id)).stream()
                .map(row -> new OwnFlag(row.enumValue("reason", FlagReason.class), row.instant("created_at")))
                .findFirst();
    }

    @Transactional
    public FlagResult flag(ReviewTarget target, long id, Member flagger, FlagReason reason, String note) {
        note = VisibleText.unixLineBreaks(note);
        if (reason == null) {
            throw new InvalidInputException("reason", "choose a reason: unsafe advice, ignores red flags, spam, harassment, off-topic or other");
        }
        if (reason == FlagReason.OTHER && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "say what is wrong when the reason is 'other'");
        }
        NOTE.require("note", note);
        flagger.requireNotSilenced();
        List<NamedRow> rows = NamedRow.all(em.createNativeQuery("select author_id, status from " + target.table
                + " where id = ?1 and not deleted and status in " + SqlEnum.in(ContentStatus.PUBLISHED, ContentStatus.HIDDEN)
                + " for update", Tuple.class)
                .setParameter(1, id));
        if (rows.isEmpty()) {
            throw new NotFoundException(target.noun() + " " + id);
        }
        Long author = rows.get(0).numberOrNull("author_id");
        if (flagger.id.equals(author)) { // equals: both are boxed, and == compares them by identity above 127
            throw new NotAllowedException("You cannot flag your own " + target.noun() + ".");
        }
        rateLimiter.acquire(flagger.limitBucket("flags"), limits.flagsPerHour(), Duration.ofHours(1));
        double weight = weight(flagger);
        int inserted = em.createNativeQuery("insert into content_flag (member_id, " + target.column
                + ", reason, note, weight) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, flagger.id).setParameter(2, id).setParameter(3, reason.name())
                .setParameter(4, FormValues.blankToNull(note)).setParameter(5, weight)
                .executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("You have already flagged this " + target.noun() + ".");
        }
        long itemId = items.open(target, id, reason.severity, ReviewCategory.MEMBER_FLAG);
        reasons.addFlag(itemId, reason);
        em.createNativeQuery("update content_flag set review_item_id = ?1 where member_id = ?2 and " + target.column + " = ?3")
                .setParameter(1, itemId).setParameter(2, flagger.id).setParameter(3, id).executeUpdate();
        // Derived from the live flags, never accumulated: a flag whose author left went with them, so one person
        // flagging, deleting their account and flagging again still counts once. The target row lock above keeps
        // concurrent flags of one target in line.
        double total = ((Number) em.createNativeQuery("select " + FLAG_WEIGHT + " from review_item r where r.id = ?1")
                .setParameter(1, itemId).getSingleResult()).doubleValue();
        boolean hidden = ContentStatus.HIDDEN.name().equals(rows.get(0).text("status"));
        if (!hidden && total >= flagWeightToHide) {
            content.moveStatus(target.kind(), id, ContentStatus.PUBLISHED, ContentStatus.HIDDEN);
            ContentStatusChange.log(em, itemId, null, AuditAction.HIDDEN_BY_FLAGS, ContentStatus.PUBLISHED,
                    ContentStatus.HIDDEN,
                    "flag weight reached " + total);
            hidden = true;
        }
        return new FlagResult(itemId, total, hidden);
    }
}

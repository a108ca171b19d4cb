package io.backstory.moderation;

import java.time.Duration;
import java.util.List;

import io.backstory.accounts.Member;
import io.backstory.platform.api.FormValues;
import io.backstory.platform.api.InvalidInputException;
import io.backstory.platform.text.ContentLimits;
import io.backstory.platform.text.TextLimit;
import io.backstory.platform.text.VisibleText;
import io.backstory.platform.api.ProblemException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Member flags. Each flag weighs by its flagger's trust and record:
 * {@code trust · 2 · (upheld + 1) / (upheld + dismissed + 2)} with trust 1 for basic members and 0.5 for new
 * ones, so a basic member without a record weighs 1, a reliable flagger up to 2, an unreliable one towards 0.
 * Flags add up on the target's one open review item; at {@link #HIDE_THRESHOLD} the content is hidden pending
 * review.
 */
@ApplicationScoped
public class FlagService {

    /** Three flags from basic members with no record yet hide the content. */
    public static final double HIDE_THRESHOLD = 3.0;

    public record FlagResult(long reviewItemId, double flagWeight, boolean hidden) {
    }

    private final EntityManager em;
    private final RateLimiter rateLimiter;
    private final RateLimits limits;

    public FlagService(EntityManager em, RateLimiter rateLimiter, RateLimits limits) {
        this.em = em;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
    }

    static final TextLimit NOTE = TextLimit.optional(ContentLimits.NOTE_MAX);

    static double weight(Member flagger) {
        double trust = flagger.trustLevel >= 1 ? 1.0 : 0.5;
        return trust * 2.0 * (flagger.flagsUpheld + 1) / (flagger.flagsUpheld + flagger.flagsDismissed + 2);
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
        if (flagger.isSilenced()) {
            throw ProblemException.forbidden("You are silenced by a moderator and cannot flag for now.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select author_id, status from " + target.table
                + " where id = ?1 and not deleted and status in ('PUBLISHED', 'HIDDEN') for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(target.noun() + " " + id);
        }
        Object author = rows.get(0)[0];
        if (author != null && ((Number) author).longValue() == flagger.id) {
            throw ProblemException.forbidden("You cannot flag your own " + target.noun() + ".");
        }
        rateLimiter.acquire("flags:" + flagger.id, limits.flagsPerHour(), Duration.ofHours(1));
        double weight = weight(flagger);
        int inserted = em.createNativeQuery("insert into content_flag (member_id, " + target.column
                + ", reason, note, weight) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, flagger.id).setParameter(2, id).setParameter(3, reason.name())
                .setParameter(4, FormValues.blankToNull(note)).setParameter(5, weight)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("You have already flagged this " + target.noun() + ".", null);
        }
        Object[] item = (Object[]) em.createNativeQuery("""
                insert into review_item (%1$s, severity, category, reasons, flag_weight) values (?1, ?2, 'MEMBER_FLAG', ?3, ?4)
                on conflict (%1$s) where status = 'OPEN' and %1$s is not null
                do update set flag_weight = review_item.flag_weight + excluded.flag_weight,
                              severity = greatest(review_item.severity, excluded.severity),
                              reasons = review_item.reasons || E'\\n' || excluded.reasons, updated_at = now()
                returning id, flag_weight""".formatted(target.column))
                .setParameter(1, id).setParameter(2, reason.severity)
                // The note stays in content_flag only, so it goes when its author deletes their account.
                .setParameter(3, "flag: " + reason.label)
                .setParameter(4, weight).getSingleResult();
        long itemId = ((Number) item[0]).longValue();
        double total = ((Number) item[1]).doubleValue();
        em.createNativeQuery("update content_flag set review_item_id = ?1 where member_id = ?2 and " + target.column + " = ?3")
                .setParameter(1, itemId).setParameter(2, flagger.id).setParameter(3, id).executeUpdate();
        boolean hidden = "HIDDEN".equals(rows.get(0)[1]);
        if (!hidden && total >= HIDE_THRESHOLD) {
            ContentStatusChange.apply(em, target, id, "PUBLISHED", "HIDDEN");
            ContentStatusChange.log(em, itemId, null, "HIDDEN_BY_FLAGS", "PUBLISHED", "HIDDEN",
                    "flag weight reached " + total);
            hidden = true;
        }
        return new FlagResult(itemId, total, hidden);
    }
}

package io.backstory.moderation;

import java.util.Collection;

import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.content.TextScreening;
import io.backstory.moderation.model.ScreeningLessons;
import io.backstory.platform.errors.BlockedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Screening as part of writing a post or comment: BLOCK refuses the write (nothing saved); after saving,
 * FLAG and HOLD put the content in the review queue (one open item per target, updated on re-screening).
 */
@ApplicationScoped
public class ContentScreening implements TextScreening {

    private final ScreeningService screening;
    private final ScreeningLessons lessons;
    private final EntityManager em;
    private final ReviewItems items;
    private final ReviewReasons reasons;

    public ContentScreening(ScreeningService screening, ScreeningLessons lessons, EntityManager em, ReviewItems items,
            ReviewReasons reasons) {
        this.screening = screening;
        this.lessons = lessons;
        this.em = em;
        this.items = items;
        this.reasons = reasons;
    }

    /** Screens new or edited text. A BLOCK verdict is thrown as a {@link BlockedException} whose reason says why. */
    public ScreeningResult screen(String text, Collection<String> conditions) {
        return accepted(screening.screen(text, conditions));
    }

    /**
     * Screens a post or comment being saved: as {@link #screen}, but a long text gets the model's part later
     * ({@link ScreeningService#screenForSaving}; {@link #queueForReview} queues it for {@link DeferredScreening}).
     */
    public ScreeningResult screenForSaving(String text, Collection<String> conditions) {
        return accepted(screening.screenForSaving(text, conditions));
    }

    @Override
    public void refuseBlocked(String text) {
        screen(text, java.util.List.of());
    }

    private static ScreeningResult accepted(ScreeningResult result) {
        if (result.verdict() == ScreeningAction.BLOCK) {
            throw new BlockedException(result);
        }
        return result;
    }

    /**
     * Puts flagged or held content in the review queue with what matched, and content describing red-flag symptoms
     * too, published with its urgent-care notice, so a moderator can check on the member (the red-flag tab). A text
     * the model is still to read waits for it in {@code deferred_screening}.
     */
    public void queueForReview(Long postId, Long commentId, ScreeningResult result) {
        if (result.modelLater()) {
            String target = postId != null ? "post_id" : "comment_id";
            em.createNativeQuery("insert into deferred_screening (%1$s) values (?1) on conflict (%1$s) where %1$s is not null do nothing"
                    .formatted(target)).setParameter(1, postId != null ? postId : commentId).executeUpdate();
        }
        boolean redFlag = result.matches().stream().anyMatch(m -> m.category() == ScreeningCategory.RED_FLAG);
        if (result.verdict() != ScreeningAction.FLAG && result.verdict() != ScreeningAction.HOLD && !redFlag) {
            return;
        }
        ScreeningResult.Match worst = result.matches().stream()
                .max(java.util.Comparator.comparing(ScreeningResult.Match::action)).orElseThrow();
        ReviewCategory category = redFlag ? ReviewCategory.RED_FLAG
                : worst.category() == null ? ReviewCategory.NEW_MEMBER : ReviewCategory.valueOf(worst.category().name());
        ReviewTarget target = postId != null ? ReviewTarget.POST : ReviewTarget.COMMENT;
        long itemId = items.open(target, postId != null ? postId : commentId,
                result.matches().stream().mapToInt(ContentScreening::severity).max().orElseThrow(), category);
        reasons.addMatches(itemId, result.matches());
        lessons.noteScreened(itemId, result.matches());
        ContentStatus status = result.verdict() == ScreeningAction.HOLD ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
        ContentStatusChange.log(em, itemId, null, result.verdict() == ScreeningAction.HOLD
                ? AuditAction.SCREENING_HOLD : AuditAction.SCREENING_FLAG, status,
                status, ReviewReason.plain(worst.subcategory()) + ": " + worst.excerpt());
    }

    /**
     * Queue order: symptoms the rules read as red flags first (someone may need help now, and those rules are rarely
     * wrong; the model's red flags, often ordinary pain described in detail, are not put above everything), then held
     * before flagged; within that, red flags and unsafe advice before spam.
     */
    static int severity(ScreeningResult.Match match) {
        if (match.category() == ScreeningCategory.RED_FLAG && !ScreeningService.MODEL_RULE.equals(match.rule())) {
            return ScreeningAction.values().length * 10;
        }
        return match.action().ordinal() * 10 + (match.category() == ScreeningCategory.SPAM || match.category() == null ? 0 : 5);
    }
}

package io.backstory.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backstory.accounts.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Trust for new members: until a moderator has approved something of theirs (trust level 1), a member's first
 * post, and any post, comment or edit with a link, waits for review. Spam accounts usually start with a link, and
 * an edit or a reply is as good a place for one as a new post; the first post of a real member is also the moment
 * a safety-minded read helps most.
 */
@ApplicationScoped
public class NewMemberReview {

    static final String NOTICE = "Writing from new members is read by a moderator before it appears: their first post, "
            + "and posts, comments and edits with links. This usually takes less than a day.";
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)\\S+");

    private final EntityManager em;
    private final boolean enabled;

    public NewMemberReview(EntityManager em, @ConfigProperty(name = "backstory.trust.review-new-members") boolean enabled) {
        this.em = em;
        this.enabled = enabled;
    }

    /**
     * The screening result for a new or edited ({@code edit}) post or comment, held for review when its author is a
     * new member and it is their first post or contains a link; otherwise unchanged.
     */
    public ScreeningResult review(ScreeningResult screened, Member author, ReviewTarget what, boolean edit, String text) {
        String reason = reasonToHold(author, what, edit, text);
        return reason == null ? screened : hold(screened, reason);
    }

    private String reasonToHold(Member author, ReviewTarget what, boolean edit, String text) {
        if (!enabled || author.trustLevel > 0) {
            return null;
        }
        if (LINK.matcher(text).find()) {
            return "new member's " + (edit ? "edited " : "") + what.noun() + " with a link";
        }
        if (what != ReviewTarget.POST || edit) {
            return null;
        }
        long earlier = ((Number) em.createNativeQuery("select count(*) from post where author_id = ?1")
                .setParameter(1, author.id).getSingleResult()).longValue();
        return earlier == 0 ? "new member's first post" : null;
    }

    /** Holds the screening result for review, keeping its matches and adding the reason. */
    private static ScreeningResult hold(ScreeningResult screened, String reason) {
        List<ScreeningResult.Match> matches = new ArrayList<>(screened.matches());
        matches.add(new ScreeningResult.Match("new-member", null, reason, ScreeningAction.HOLD, "", 0, 0));
        List<String> notices = new ArrayList<>(screened.notices());
        notices.add(NOTICE);
        return new ScreeningResult(ScreeningAction.HOLD, List.copyOf(matches), List.copyOf(notices), screened.urgentCare(),
                screened.modelLater());
    }
}

package io.backstory.moderation;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backstory.accounts.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Trust for new members: until a moderator has approved something of theirs (trust level 1), a member's first
 * post and any post with a link wait for review. Spam accounts usually start with a link; the first post of a
 * real member is also the moment a safety-minded read helps most.
 */
@ApplicationScoped
public class NewMemberReview {

    static final String NOTICE = "Posts from new members are read by a moderator before they appear: their first post, "
            + "and posts with links. This usually takes less than a day.";
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)\\S+");

    private final EntityManager em;
    private final boolean enabled;

    public NewMemberReview(EntityManager em, @ConfigProperty(name = "backstory.trust.review-new-members") boolean enabled) {
        this.em = em;
        this.enabled = enabled;
    }

    /** The reason this member's post must be reviewed first, or null. */
    public String reasonToHold(Member author, String text) {
        if (!enabled || author.trustLevel > 0) {
            return null;
        }
        if (LINK.matcher(text).find()) {
            return "new member's post with a link";
        }
        long earlier = ((Number) em.createNativeQuery("select count(*) from post where author_id = ?1")
                .setParameter(1, author.id).getSingleResult()).longValue();
        return earlier == 0 ? "new member's first post" : null;
    }

    /** Holds the screening result for review, keeping its matches and adding the reason. */
    public ScreeningResult hold(ScreeningResult screened, String reason) {
        var matches = new java.util.ArrayList<>(screened.matches());
        matches.add(new ScreeningResult.Match("new-member", null, reason, ScreeningAction.HOLD, "", 0, 0));
        var notices = new java.util.ArrayList<>(screened.notices());
        notices.add(NOTICE);
        return new ScreeningResult(ScreeningAction.HOLD, java.util.List.copyOf(matches), java.util.List.copyOf(notices));
    }
}

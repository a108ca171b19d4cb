package io.backstory.community;

import io.backstory.platform.content.PostKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.accounts.MemberStanding;
import io.backstory.moderation.ContentScreening;
import io.backstory.platform.api.InputValidator;
import io.backstory.platform.api.ProblemMappers;
import io.backstory.platform.errors.RateLimitedException;
import io.backstory.platform.ratelimit.RateLimiter;
import io.backstory.platform.ratelimit.RateLimits;
import io.backstory.platform.text.MarkdownRenderer;
import io.backstory.taxonomy.TagResolver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The hourly post limit holds across app instances: two separately built post services (each with its own rate
 * limiter, as on two servers) share one database and so one count. The post over the limit is a 429 and is not
 * written.
 */
@QuarkusTest
class PostRateLimitTest {

    private static final RateLimits THREE_POSTS_AN_HOUR = new RateLimits() {
        public int postsPerHour() {
            return 3;
        }

        public int commentsPerHour() {
            return 3;
        }

        public int votesPerHour() {
            return 3;
        }

        public int flagsPerHour() {
            return 3;
        }

        public int tagSuggestionsPerHour() {
            return 3;
        }

        public int previewsPerMinute() {
            return 3;
        }

        public int addressChecksPerDay() {
            return 3;
        }
    };

    @Inject
    InputValidator validator;
    @Inject
    TagResolver tags;
    @Inject
    MarkdownRenderer markdown;
    @Inject
    MemberStanding standing;
    @Inject
    ContentScreening screening;
    @Inject
    io.backstory.moderation.NewMemberReview newMembers;
    @Inject
    io.backstory.following.FollowingService following;
    @Inject
    io.backstory.notifications.NotificationService notifications;
    @Inject
    io.backstory.writing.MentionService mentions;
    @Inject
    ContentStore store;
    @Inject
    MemberService members;
    @Inject
    EntityManager em;

    @Test
    void thePostOverTheLimitIsA429AndIsNotWrittenWhicheverInstanceTakesIt() {
        PostService first = instance();
        PostService second = instance();
        Member author = members.findOrCreate("rate-limited-author-" + System.nanoTime(), "prolific");
        for (int i = 0; i < 3; i++) {
            PostService instance = i % 2 == 0 ? first : second;
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> instance.create(request("Rate limit probe number " + n), author));
        }
        long before = postsBy(author);
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> second.create(request("Rate limit probe over the limit"), author)));
        assertEquals(429, ProblemMappers.problem(refused).status());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 3600);
        assertThrows(RateLimitedException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> first.create(request("Rate limit probe on the other instance"), author)));
        assertEquals(before, postsBy(author));
        assertEquals(3, before);
    }

    /** A post service as another server builds it: its own rate limiter, over the same database. */
    private PostService instance() {
        return new PostService(tags, standing, new ContentWriter(validator, new RateLimiter(em), THREE_POSTS_AN_HOUR,
                markdown, screening, newMembers, store, standing), following, notifications, mentions, store);
    }

    private long postsBy(Member author) {
        return QuarkusTransaction.requiringNew().call(() -> Post.count("author.id", author.id));
    }

    private static PostRequest request(String title) {
        return new PostRequest(PostKind.STORY, title, "Walking helped.", List.of("sciatica"), List.of(), null);
    }
}

package io.backstory.voting;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A comment's tallies changing is logged with its post (V45), so a member's view of a render made before the change
 * gets that comment's points as they are now, and nothing else; the log is trimmed of what no render needs.
 */
@QuarkusTest
class TallyChangesTest {

    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String dave = TestUsers.newMember();

    @Inject
    VoteService votes;
    @Inject
    TallyChanges changes;
    @Inject
    EntityManager em;

    @Test
    void aViewOfAnOlderRenderGetsFreshPointsForWhatChangedSinceAndTheLogIsTrimmed() {
        long post = VotingTest.story(bob, "Tallies logged for the thread " + System.nanoTime());
        long voted = comment(carol, post, "Walking after lunch helped.");
        comment(carol, post, "So did a firm mattress."); // untouched: never in a view's list
        Instant rendered = Instant.now().minus(VoteService.SLOWEST_VOTE).minusSeconds(5);
        as(bob).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + voted + "/vote")
                .then().statusCode(200);

        // dave voted on nothing: he gets the changed comment's points now, and not the untouched one's.
        VoteService.VotesOnPost daves = votes.onPost(memberId(dave), post, rendered);
        assertEquals(java.util.Set.of(voted), daves.comments().keySet());
        assertEquals(new VoteService.Vote(0, 1, 0), daves.comments().get(voted));
        // A render made after the change (and the slowest vote's commit) needs nothing from the log.
        assertEquals(java.util.Map.of(), votes.onPost(memberId(dave), post, Instant.now().plus(VoteService.SLOWEST_VOTE)
                .plusSeconds(5)).comments());
        // bob's own vote always comes, with the tallies as they are now.
        assertEquals(new VoteService.Vote(1, 1, 0), votes.onPost(memberId(bob), post, Instant.now().plusSeconds(3600))
                .comments().get(voted));

        assertEquals(1, logged(post));
        QuarkusTransaction.requiringNew().run(() -> changes.trim(Duration.ofMinutes(10)));
        assertEquals(1, logged(post), "a recent change stays");
        QuarkusTransaction.requiringNew().run(() -> changes.trim(Duration.ZERO));
        assertEquals(0, logged(post), "an old one goes");
    }

    @Test
    void theLogIsKeptLongerThanAnyRenderAndTenMinutesAtLeast() {
        assertEquals(Duration.ofMinutes(10), TallyChanges.retention(Duration.ofSeconds(10)));
        assertEquals(Duration.ofMinutes(31), TallyChanges.retention(Duration.ofMinutes(10)));
    }

    private long logged(long post) {
        return ((Number) em.createNativeQuery("select count(*) from comment_tally_change where post_id = ?1")
                .setParameter(1, post).getSingleResult()).longValue();
    }

    private long memberId(String user) {
        String handle = as(user).when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
        return ((Number) em.createNativeQuery("select id from member where handle = ?1").setParameter(1, handle)
                .getSingleResult()).longValue();
    }

    private static long comment(String user, long post, String body) {
        return ((Number) as(user).contentType(ContentType.JSON).body("{\"body\": \"" + body + "\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}

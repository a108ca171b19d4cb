package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.platform.SmallLimits;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * One person is one flag, however often they delete their account and log in again (a fresh member row for the
 * same OIDC subject): the review item's weight is the sum of its live flags, and the person's hourly limits and
 * silencing survive the rejoining.
 */
@QuarkusTest
@TestProfile(SmallLimits.class)
class RejoinedFlaggerTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    /** The member who leaves and comes back under the same login. */
    private final String rejoiner = TestUsers.newMember();

    @Inject
    EntityManager em;

    private long story(String title) {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                "body", "Walking helped me.", "conditions", java.util.List.of("sciatica")))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    /** Deletes the account; the next request with the same login makes a fresh member row. */
    private void leave() {
        as(rejoiner).when().delete("/api/v1/me?content=keep").then().statusCode(204);
    }

    @Test
    void rejoiningAddsNoWeightAndResetsNeitherLimitsNorSilencing() {
        String tag = Long.toString(System.nanoTime(), 36);
        int flagsPerHour = SmallLimits.limit("flags-per-hour");
        long post = story("A story one person flags again and again " + tag);
        for (int round = 0; round < flagsPerHour; round++) {
            if (round > 0) {
                leave();
            }
            long item = ((Number) as(rejoiner).contentType(ContentType.JSON).body(Map.of("reason", "UNSAFE_ADVICE"))
                    .when().post("/api/v1/posts/" + post + "/flags").then().statusCode(201)
                    .body("flagWeight", equalTo(0.5f)).body("hidden", equalTo(false))
                    .extract().path("reviewItemId")).longValue();
            as(alice).when().get("/api/v1/moderation/items/" + item).then().statusCode(200)
                    .body("flags.size()", equalTo(1)).body("flagWeight", equalTo(0.5f))
                    .body("contentStatus", equalTo("PUBLISHED"));
            given().when().get("/api/v1/posts/" + post).then().statusCode(200);
        }

        leave();
        long other = story("Another story the same person flags " + tag);
        as(rejoiner).contentType(ContentType.JSON).body(Map.of("reason", "SPAM"))
                .when().post("/api/v1/posts/" + other + "/flags").then().statusCode(429)
                .header("Retry-After", notNullValue());

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set silenced_until = now() + interval '1 day' where oidc_subject = ?1")
                .setParameter(1, rejoiner).executeUpdate());
        leave();
        as(rejoiner).contentType(ContentType.JSON).body(Map.of("body", "Back again, and still silenced."))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(403);
    }
}

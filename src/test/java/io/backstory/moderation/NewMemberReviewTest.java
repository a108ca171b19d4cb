package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.platform.TestUsers;
import io.backstory.platform.content.ContentStatus;
import io.backstory.community.PostDetail;
import io.backstory.platform.content.PostKind;
import io.backstory.community.PostRequest;
import io.backstory.community.PostService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@TestProfile(NewMemberReviewTest.TrustReviewOn.class)
class NewMemberReviewTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String newbie = TestUsers.newMember();

    public static class TrustReviewOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backstory.trust.review-new-members", "true");
        }
    }

    @Inject
    PostService posts;
    @Inject
    MemberService members;
    @Inject
    EntityManager em;

    private static PostRequest request(String title, String body) {
        return new PostRequest(PostKind.STORY, title, body, List.of("sciatica"), List.of(), null);
    }

    @Test
    void aNewMembersFirstPostWaitsAndApprovalEarnsTrust() {
        Member newcomer = members.findOrCreate("newcomer-" + System.nanoTime(), "newcomer");
        PostDetail first = posts.create(request("Hello from a newcomer with sciatica", "Walking helps me a bit."), newcomer);
        assertEquals(ContentStatus.PENDING_REVIEW, first.status());
        assertTrue(first.safetyNotices().get(0).contains("new members"));
        long item = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from review_item where post_id = ?1 and category = 'NEW_MEMBER'").setParameter(1, first.id())
                .getSingleResult()).longValue());

        as(alice).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", 0))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200)
                .body("contentStatus", equalTo("PUBLISHED"));
        Member trusted = QuarkusTransaction.requiringNew().call(() -> Member.findById(newcomer.id));
        assertEquals(1, trusted.trustLevel);
        PostDetail second = posts.create(request("A second post, now trusted", "See https://example.org/exercises"), trusted);
        assertEquals(ContentStatus.PUBLISHED, second.status(), "trusted members' links are not held");
    }

    /** Only this test logs in as newbie, who stays a new member: nothing of theirs is ever approved. */
    @Test
    void aNewMembersCommentsAndEditsWithLinksWaitToo() {
        String tag = Long.toString(System.nanoTime(), 36);
        long first = newbiePost("My very first post " + tag, "Hello everyone.");
        assertEquals("PENDING_REVIEW", status(first), "the first post waits");
        long second = newbiePost("My second post " + tag, "Heat helped.");
        assertEquals("PUBLISHED", status(second), "a later post without links is published");

        long plain = ((Number) as(newbie).contentType(ContentType.JSON).body(Map.of("body", "Thanks, all of you."))
                .when().post("/api/v1/posts/" + second + "/comments").then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).extract().path("id")).longValue();
        long linked = ((Number) as(newbie).contentType(ContentType.JSON)
                .body(Map.of("body", "More at www.example.org/stretches", "parentId", plain))
                .when().post("/api/v1/posts/" + second + "/comments").then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id")).longValue();
        assertTrue(queued("NEW_MEMBER").contains((int) linked), "the comment waits in the queue as a new member's");
        as(newbie).when().get("/api/v1/comments/" + linked).then().statusCode(404);
        as(newbie).contentType(ContentType.JSON).body(Map.of("body", "Thanks, all. https://example.org/shop", "version", 0))
                .when().put("/api/v1/comments/" + plain).then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));

        as(newbie).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", "My second post " + tag,
                "body", "Heat helped. Buy it at https://example.org/heat-wraps", "conditions", List.of("sciatica"),
                "version", 0)).when().put("/api/v1/posts/" + second).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
        given().when().get("/api/v1/posts/" + second).then().statusCode(404);
        assertTrue(queued("NEW_MEMBER").contains((int) second), "the edit waits in the queue as a new member's");
    }

    private long newbiePost(String title, String body) {
        return ((Number) as(newbie).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                "body", body, "conditions", List.of("sciatica"))).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private String status(long post) {
        return as(newbie).when().get("/api/v1/me/export").then().statusCode(200).extract().jsonPath()
                .getString("posts.find { it.id == " + post + " }.status");
    }

    private List<Integer> queued(String category) {
        return as(alice).queryParam("category", category).when().get("/api/v1/moderation/queue").then()
                .statusCode(200).extract().path("targetId");
    }

    @Test
    void aNewMembersPostWithALinkWaitsEvenAfterTheirFirst() {
        Member newcomer = members.findOrCreate("linker-" + System.nanoTime(), "linker");
        posts.create(request("My first post about my back", "Hello everyone."), newcomer);
        PostDetail plain = posts.create(request("My second post about my back", "Heat helped."), newcomer);
        assertEquals(ContentStatus.PUBLISHED, plain.status(), "only the first post and posts with links wait");
        PostDetail linked = posts.create(request("A useful page I found", "Look at www.example.org/back for exercises."), newcomer);
        assertEquals(ContentStatus.PENDING_REVIEW, linked.status());
    }
}

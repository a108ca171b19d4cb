package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.community.ContentStatus;
import io.backstory.community.PostDetail;
import io.backstory.community.PostKind;
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

        as("alice").contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", 0))
                .when().post("/api/v1/moderation/items/" + item + "/actions").then().statusCode(200)
                .body("contentStatus", equalTo("PUBLISHED"));
        Member trusted = QuarkusTransaction.requiringNew().call(() -> Member.findById(newcomer.id));
        assertEquals(1, trusted.trustLevel);
        PostDetail second = posts.create(request("A second post, now trusted", "See https://example.org/exercises"), trusted);
        assertEquals(ContentStatus.PUBLISHED, second.status(), "trusted members' links are not held");
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

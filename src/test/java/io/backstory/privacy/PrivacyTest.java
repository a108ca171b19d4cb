package io.backstory.privacy;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.community.CommentRequest;
import io.backstory.community.CommentService;
import io.backstory.community.Outcome;
import io.backstory.community.PostKind;
import io.backstory.community.PostRequest;
import io.backstory.community.PostService;
import io.backstory.moderation.FlagReason;
import io.backstory.moderation.FlagService;
import io.backstory.moderation.ReviewTarget;
import io.backstory.notifications.NotificationService;
import io.backstory.taxonomy.TagSuggestion;
import io.backstory.taxonomy.TaxonomyRequests;
import io.backstory.taxonomy.TaxonomyService;
import io.backstory.voting.VoteService;
import io.backstory.voting.VoteTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class PrivacyTest {

    @Inject
    MemberService members;
    @Inject
    PostService posts;
    @Inject
    CommentService comments;
    @Inject
    VoteService votes;
    @Inject
    FlagService flags;
    @Inject
    TaxonomyService taxonomy;
    @Inject
    NotificationService notifications;
    @Inject
    EntityManager em;

    /** A member who posts, comments, votes, flags, suggests and gets notified; the login name is also the subject. */
    private long[] activeMember(String login) {
        Member member = members.findOrCreate(login, login);
        long bobsPost = ((Number) as("bob").contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Bob's tip that another member votes on", "body": "Heat first.",
                 "conditions": ["sciatica"], "remedies": [{"remedy": "heat", "outcome": "HELPED"}]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long own = posts.create(new PostRequest(PostKind.TIP, "Private tip written by " + login, "My personal story of "
                + login + ": walking helped.", List.of("sciatica"),
                List.of(new PostRequest.RemedyTag("walking", Outcome.HELPED)), null), member).id();
        comments.create(bobsPost, new CommentRequest("A comment signed " + login, null, List.of(), null), member);
        votes.vote(VoteTarget.POST, bobsPost, member, 1);
        flags.flag(ReviewTarget.POST, bobsPost, member, FlagReason.OTHER, "flag note by " + login);
        taxonomy.suggest(new TaxonomyRequests.SuggestionRequest(TagSuggestion.Kind.REMEDY, "Suggestion from " + login, null,
                "note by " + login), member);
        notifications.notify(member.id, "A notification for " + login, "/");
        return new long[] {member.id, own, bobsPost};
    }

    @Test
    void theExportContainsEverythingTheMemberWrote() {
        String login = "privacy-exporter";
        activeMember(login);
        JsonPath export = as(login).when().get("/api/v1/me/export").then().statusCode(200).extract().jsonPath();
        assertEquals(login, export.getString("profile.handle"));
        assertEquals("Private tip written by " + login, export.getString("posts[0].title"));
        assertEquals("walking:HELPED", export.getString("posts[0].remedies"));
        assertEquals("A comment signed " + login, export.getString("comments[0].body"));
        assertEquals(1, export.getInt("votes[0].value"));
        assertEquals("flag note by " + login, export.getString("flags[0].note"));
        assertEquals("Suggestion from " + login, export.getString("tagSuggestions[0].name"));
        assertEquals("A notification for " + login, export.getString("notifications[0].text"));
        given().when().get("/api/v1/me/export").then().statusCode(401);
    }

    @Test
    void deletingWithContentRemovedLeavesNothingPersonalInAnyTable() {
        String login = "privacy-remover";
        long[] ids = activeMember(login);
        int bobsUpvotes = given().when().get("/api/v1/posts/" + ids[2]).then().extract().path("upvotes");
        as(login).when().delete("/api/v1/me").then().statusCode(400); // the choice is required
        as(login).when().delete("/api/v1/me?content=remove").then().statusCode(204);

        assertEquals(List.of(), tablesMentioning(login));
        given().when().get("/api/v1/posts/" + ids[1]).then().statusCode(404);
        given().when().get("/api/v1/posts/" + ids[2]).then().body("upvotes", equalTo(bobsUpvotes - 1))
                .body("commentCount", equalTo(0));
    }

    @Test
    void deletingWithContentKeptCreditsItToAFormerMember() {
        String login = "privacy-keeper";
        long[] ids = activeMember(login);
        as(login).when().delete("/api/v1/me?content=keep").then().statusCode(204);
        given().when().get("/api/v1/posts/" + ids[1]).then().statusCode(200).body("author", nullValue());
        given().when().get("/api/v1/posts/" + ids[2] + "/comments").then().body("author", hasItem(nullValue()));
        // Only the member's own words, which they chose to keep, may still contain their name.
        List<String> left = tablesMentioning(login);
        left.removeIf(place -> place.startsWith("post.") || place.startsWith("post_revision.")
                || place.startsWith("comment.") || place.startsWith("comment_revision.")
                || place.startsWith("tag_suggestion."));
        assertEquals(List.of(), left);
    }

    /** Every text column of every table that contains the value (case-insensitive). */
    private List<String> tablesMentioning(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = em.createNativeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'public' and table_name <> 'flyway_schema_history'
                      and data_type in ('text', 'character varying', 'ARRAY')""").getResultList();
            List<String> places = new ArrayList<>();
            for (Object[] column : columns) {
                Number hits = (Number) em.createNativeQuery("select count(*) from \"" + column[0] + "\" where \""
                        + column[1] + "\"::text ilike ?1").setParameter(1, "%" + value + "%").getSingleResult();
                if (hits.longValue() > 0) {
                    places.add(column[0] + "." + column[1]);
                }
            }
            return places;
        });
    }
}

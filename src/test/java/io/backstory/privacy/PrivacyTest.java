package io.backstory.privacy;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.community.CommentRequest;
import io.backstory.community.CommentService;
import io.backstory.platform.TestUsers;
import io.backstory.platform.content.Outcome;
import io.backstory.platform.content.PostKind;
import io.backstory.community.PostRequest;
import io.backstory.community.PostService;
import io.backstory.moderation.FlagReason;
import io.backstory.moderation.FlagService;
import io.backstory.moderation.ReviewTarget;
import io.backstory.mail.MailRecipients;
import io.backstory.notifications.NotificationKind;
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

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

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
    @Inject
    MailRecipients mail;

    /** A member who posts, comments, votes, flags, suggests and gets notified; the login name is also the subject. */
    private long[] activeMember(String login) {
        Member member = members.findOrCreate(login, login);
        long bobsPost = ((Number) as(bob).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "Bob's tip that another member votes on", "body": "Heat first.",
                 "conditions": ["sciatica"], "remedies": [{"remedy": "heat", "outcome": "HELPED"}]}""")
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        long own = posts.create(new PostRequest(PostKind.TIP, "Private tip written by " + login, "My personal story of "
                + login + ": walking helped.", List.of("sciatica"),
                List.of(new PostRequest.RemedyTag("walking", Outcome.HELPED)), null), member).id();
        comments.create(bobsPost, new CommentRequest("A comment signed " + login, null, List.of(), null), member);
        votes.vote(VoteTarget.POST, bobsPost, member.id, 1);
        flags.flag(ReviewTarget.POST, bobsPost, member, FlagReason.OTHER, "flag note by " + login);
        taxonomy.suggest(new TaxonomyRequests.SuggestionRequest(TagSuggestion.Kind.REMEDY, "Suggestion from " + login, null,
                "note by " + login), member);
        notifications.notify(NotificationKind.OTHER, member.id, null, null, "A notification for " + login, "/");
        // A verified address from the login, and a new one waiting for its confirmation mail (queued in the outbox).
        mail.offerVerifiedAddress(member.id, login + "@mail.test");
        mail.requestAddress(member, login + ".new@mail.test");
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
        assertEquals(login + "@mail.test", export.getString("mailAddress[0].address"));
        assertEquals(login + ".new@mail.test", export.getString("mailAddress[0].waitingForConfirmation"));
        given().when().get("/api/v1/me/export").then().statusCode(401);
    }

    @Test
    void deletingWithContentRemovedLeavesNothingPersonalInAnyTable() {
        String login = "privacy-remover";
        long[] ids = activeMember(login);
        int bobsUpvotes = given().when().get("/api/v1/posts/" + ids[2]).then().extract().path("upvotes");
        assertTrue(tablesMentioning(login).containsAll(List.of("mail_recipient.address", "mail_recipient.pending_address")),
                "the scan sees the member's mail addresses before");
        as(login).when().delete("/api/v1/me").then().statusCode(400); // the choice is required
        as(login).when().delete("/api/v1/me?content=remove").then().statusCode(204);

        assertEquals(List.of(), tablesMentioning(login));
        given().when().get("/api/v1/posts/" + ids[1]).then().statusCode(404);
        given().when().get("/api/v1/posts/" + ids[2]).then().body("upvotes", equalTo(bobsUpvotes - 1))
                .body("commentCount", equalTo(0));
    }

    /** A moderator (alice) approves the open item about this target through the API. */
    private void approve(String target, long targetId) {
        int item = as(alice).when().get("/api/v1/moderation/queue").then().statusCode(200)
                .extract().path("find { it.targetId == " + targetId + " && it.target == '" + target + "' }.id");
        int version = as(alice).when().get("/api/v1/moderation/items/" + item).then().extract().path("version");
        as(alice).contentType(ContentType.JSON).body(java.util.Map.of("action", "APPROVE", "version", version,
                "note", "Checked the dose with a pharmacist")).when().post("/api/v1/moderation/items/" + item + "/actions")
                .then().statusCode(200);
    }

    @Test
    void removingAnAccountLeavesNoneOfItsWordsInScreeningRecordsOrSearchAndOthersKeepTheirComments() {
        String login = "privacy-screened-" + System.nanoTime();
        String[] words = {login, "Wendeline", "Quarrowby"};
        Member member = members.findOrCreate(login, login);
        // Screening queues the post (dosing advice): the review item and the moderation log quote the words between the
        // two doses. (It was a first-person report of them, which a retrained model read as surely benign.)
        long post = posts.create(new PostRequest(PostKind.STORY, "Walking with Wendeline around Quarrowby",
                "Take 4000 mg like Wendeline from Quarrowby said, then 5000 mg, you will be fine.", List.of("sciatica"), List.of(),
                null), member).id();
        approve("POST", post);
        long own = comments.create(post, new CommentRequest("Wendeline in Quarrowby swore by 4000 mg, later 6000 mg.",
                null, List.of(), null), member).id();
        long carols = ((Number) as(carol).contentType(ContentType.JSON).body("{\"body\": \"Walking helped me as well.\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        List<String> before = tablesMentioning(words);
        assertTrue(before.containsAll(List.of("post.search_vector", "comment.search_vector", "review_reason.excerpt",
                "moderation_action.note")), "the scan sees the words where they were: " + before);

        as(login).when().delete("/api/v1/me?content=remove").then().statusCode(204);

        assertEquals(List.of(), tablesMentioning(words));
        given().when().get("/api/v1/comments/" + own).then().statusCode(404);
        // Carol's reply to the removed post is hers: no one else reaches it, she can still find and delete it.
        given().when().get("/api/v1/comments/" + carols).then().statusCode(404);
        as(carol).when().get("/api/v1/me/export").then().body("comments.id", hasItem((int) carols));
        as(bob).when().delete("/api/v1/comments/" + carols).then().statusCode(404);
        as(carol).contentType(ContentType.JSON).body("{\"body\": \"Edited after the post went.\", \"version\": 0}")
                .when().put("/api/v1/comments/" + carols).then().statusCode(409);
        as(carol).when().delete("/api/v1/comments/" + carols).then().statusCode(204);
        as(carol).when().get("/api/v1/me/export").then().body("comments.find { it.id == " + carols + " }.deleted",
                equalTo(true));
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

    /**
     * Every column of every table holding text (text, varchar, arrays, JSON, tsvector as text) that contains one of
     * the words or a lexeme full-text search makes of one (stems such as "quarrowbi"), ignoring case.
     */
    private List<String> tablesMentioning(String... words) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> patterns = new ArrayList<>();
            for (String word : words) {
                patterns.add(word);
                // Whole tokens only: the parts of "privacy-remover" ("remov") are everyone's words.
                @SuppressWarnings("unchecked")
                List<String> lexemes = em.createNativeQuery("""
                        select distinct l from ts_debug('english', ?1), unnest(lexemes) l
                        where alias not in ('hword_part', 'hword_asciipart', 'hword_numpart')""")
                        .setParameter(1, word).getResultList();
                patterns.addAll(lexemes);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> columns = em.createNativeQuery("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and c.table_name <> 'flyway_schema_history'
                      and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'json', 'jsonb', 'tsvector')
                    order by 1, 2""").getResultList();
            List<String> places = new ArrayList<>();
            for (Object[] column : columns) {
                for (String pattern : patterns) {
                    Number hits = (Number) em.createNativeQuery("select count(*) from \"" + column[0] + "\" where \""
                            + column[1] + "\"::text ilike ?1").setParameter(1, "%" + pattern + "%").getSingleResult();
                    if (hits.longValue() > 0) {
                        places.add(column[0] + "." + column[1]);
                        break;
                    }
                }
            }
            return places;
        });
    }
}

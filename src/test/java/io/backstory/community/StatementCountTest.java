package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.backstory.platform.StatementCounter;
import io.backstory.platform.TestUsers;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * No N+1 queries: the condition page and the post page send the same number of SQL statements whether there are a
 * few posts and comments or many, logged out and logged in.
 */
@QuarkusTest
class StatementCountTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Inject
    @PersistenceUnitExtension
    StatementCounter statements;

    @Test
    void theConditionPageCostsTheSameNumberOfStatementsForFewAndManyPosts() {
        addPosts(3);
        int few = pageCost("/conditions/fibromyalgia", null);
        int fewLoggedIn = pageCost("/conditions/fibromyalgia", alice);
        addPosts(25);
        int many = pageCost("/conditions/fibromyalgia", null);
        int manyLoggedIn = pageCost("/conditions/fibromyalgia", alice);
        System.out.printf("Condition page: %d SQL statements (logged in: %d) with 3 posts, %d (%d) with 28%n",
                few, fewLoggedIn, many, manyLoggedIn);
        assertEquals(few, many, "statements for the condition page grew with the number of posts");
        assertEquals(fewLoggedIn, manyLoggedIn, "statements for the condition page (logged in) grew with the number of posts");
        assertTrue(many <= 15, "the condition page costs " + many + " statements");
    }

    @Test
    void thePostPageCostsTheSameNumberOfStatementsForFewAndManyComments() {
        long post = Posts.create(bob, Posts.STORY.replace("\"STORY\"", "\"QUESTION\"")
                .replace("Threw my back out lifting a suitcase", "A question that gathers a long thread"));
        java.util.List<Long> comments = new java.util.ArrayList<>();
        Long parent = null;
        for (int i = 0; i < 3; i++) {
            parent = Posts.comment(alice, post, i == 2 ? parent : null, "Early comment " + i);
            comments.add(parent);
        }
        voteOn(comments, carol);
        int few = pageCost("/posts/" + post, null);
        int fewLoggedIn = pageCost("/posts/" + post, admin);
        int fewVoter = pageCost("/posts/" + post, carol);
        int fewAsker = pageCost("/posts/" + post, bob);
        for (int i = 0; i < 40; i++) {
            // a mix of top-level comments and nested replies, by three authors
            parent = Posts.comment(i % 3 == 0 ? alice : i % 3 == 1 ? admin : bob, post, i % 4 == 0 ? null : parent,
                    "Later comment " + i);
            comments.add(parent);
        }
        voteOn(comments, carol);
        int many = pageCost("/posts/" + post, null);
        int manyLoggedIn = pageCost("/posts/" + post, admin);
        int manyVoter = pageCost("/posts/" + post, carol);
        int manyAsker = pageCost("/posts/" + post, bob);
        System.out.printf("Post page: %d SQL statements (logged in: %d, voter: %d, asker: %d) with 3 comments, %d (%d, %d, %d)"
                + " with 43%n", few, fewLoggedIn, fewVoter, fewAsker, many, manyLoggedIn, manyVoter, manyAsker);
        assertEquals(few, many, "statements for the post page grew with the number of comments");
        assertEquals(fewLoggedIn, manyLoggedIn, "statements for the post page (logged in) grew with the number of comments");
        // A member's own comments, their votes and the asker's buttons are laid over the shared thread, not queried per comment.
        assertEquals(fewVoter, manyVoter, "statements for a member who voted on every comment grew with the thread");
        assertEquals(fewAsker, manyAsker, "statements for the asker, author of many comments, grew with the thread");
        assertEquals(manyLoggedIn, manyVoter, "a member's votes cost statements");
        assertTrue(many <= 15, "the post page costs " + many + " statements");
        assertTrue(manyLoggedIn <= 20, "the post page costs a member " + manyLoggedIn + " statements");
    }

    /** {@code user} votes up each of the comments (again, for those voted on before: the same answer). */
    private static void voteOn(java.util.List<Long> comments, String user) {
        for (long id : comments) {
            as(user).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + id + "/vote")
                    .then().statusCode(200);
        }
    }

    private int pageCost(String path, String user) {
        // Once to warm caches and create the member row, then measured.
        (user == null ? given() : as(user)).when().get(path).then().statusCode(200);
        return statements.during(() -> (user == null ? given() : as(user)).when().get(path).then().statusCode(200));
    }

    private void addPosts(int count) {
        for (int i = 0; i < count; i++) {
            long post = ((Number) as(i % 2 == 0 ? bob : alice).contentType(ContentType.JSON).body("""
                    {"kind": "TIP", "title": "Fibromyalgia tip number %d", "body": "Gentle movement.",
                     "conditions": ["fibromyalgia"], "remedies": [{"remedy": "walking", "outcome": "HELPED"},
                     {"remedy": "heat", "outcome": "NO_CHANGE"}]}""".formatted(i)).when().post("/api/v1/posts")
                    .then().statusCode(201).extract().path("id")).longValue();
            Posts.comment(admin, post, null, "Thanks for sharing " + i);
        }
    }
}

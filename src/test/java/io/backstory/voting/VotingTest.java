package io.backstory.voting;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class VotingTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Inject
    VoteService votes;
    @Inject
    MemberService members;
    @Inject
    EntityManager em;

    static long story(String user, String title) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "TIP", "title": "%s", "body": "Heat first, then gentle movement.",
                 "conditions": ["muscle-spasm"], "remedies": [{"remedy": "heat", "outcome": "HELPED"}]}""".formatted(title))
                .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void fiftyMembersVotingAndChangingVotesAtOnceLeaveExactTallies() throws Exception {
        long post = story(bob, "Fifty voters at once on this heat tip");
        List<Member> voters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            voters.add(members.findOrCreate("concurrent-voter-" + i, "voter" + i));
        }
        atOnce(voters.size(), i -> {
            Member voter = voters.get(i);
            votes.vote(VoteTarget.POST, post, voter.id, 1);
            votes.vote(VoteTarget.POST, post, voter.id, 1); // repeated: changes nothing
            votes.vote(VoteTarget.POST, post, voter.id, i % 5 == 0 ? 0 : i % 3 == 0 ? -1 : 1);
        });

        Object[] table = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*) filter (where value = 1), count(*) filter (where value = -1) from post_vote where post_id = ?1""")
                .setParameter(1, post).getSingleResult());
        long expectedUp = java.util.stream.IntStream.range(0, 50).filter(i -> i % 5 != 0 && i % 3 != 0).count();
        long expectedDown = java.util.stream.IntStream.range(0, 50).filter(i -> i % 5 != 0 && i % 3 == 0).count();
        assertEquals(expectedUp, ((Number) table[0]).longValue());
        assertEquals(expectedDown, ((Number) table[1]).longValue());
        given().when().get("/api/v1/posts/" + post).then()
                .body("upvotes", equalTo((int) expectedUp)).body("downvotes", equalTo((int) expectedDown));
    }

    @Test
    void theSameMemberVotingManyTimesAtOnceCountsOnce() throws Exception {
        long post = story(bob, "One member clicking upvote twenty times");
        Member voter = members.findOrCreate("impatient-clicker", "clicker");
        atOnce(20, i -> votes.vote(VoteTarget.POST, post, voter.id, 1));
        given().when().get("/api/v1/posts/" + post).then().body("upvotes", equalTo(1)).body("downvotes", equalTo(0));
    }

    @Test
    void theSameMemberFlippingAndWithdrawingAtOnceLeavesTalliesEqualToTheStoredVote() throws Exception {
        long post = story(bob, "One member changing their mind thirty times at once");
        Member voter = members.findOrCreate("undecided-clicker", "undecided");
        atOnce(30, i -> votes.vote(VoteTarget.POST, post, voter.id, i % 3 - 1));
        int stored = votes.onPost(voter.id, post, java.time.Instant.now()).post().value();
        given().when().get("/api/v1/posts/" + post).then().body("upvotes", equalTo(stored == 1 ? 1 : 0))
                .body("downvotes", equalTo(stored == -1 ? 1 : 0));
    }

    /** Runs task(0) .. task(count - 1) on 16 threads, released together, and waits for all (failures rethrown). */
    private static void atOnce(int count, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                start.await();
                task.accept(n);
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void votesAreIdempotentPutsAndDeletesWithClearRefusals() {
        long post = story(bob, "A tip alice will vote on through the API");
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(200).body("value", equalTo(1)).body("upvotes", equalTo(1)).body("score", equalTo(1));
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(1));
        as(alice).contentType(ContentType.JSON).body("{\"value\": -1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(0)).body("downvotes", equalTo(1)).body("score", equalTo(-1));
        as(alice).when().delete("/api/v1/posts/" + post + "/vote").then().statusCode(200).body("downvotes", equalTo(0));
        as(alice).when().delete("/api/v1/posts/" + post + "/vote").then().statusCode(200).body("value", equalTo(0));

        as(bob).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(403).body("detail", equalTo("You cannot vote on your own post."));
        given().contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(401);
        as(alice).contentType(ContentType.JSON).body("{\"value\": 2}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(400).body("errors.field", hasItem("value"));
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/999999999/vote")
                .then().statusCode(404);
        long comment = ((Number) as(bob).contentType(ContentType.JSON).body("{\"body\": \"my own comment\"}")
                .when().post("/api/v1/posts/" + post + "/comments").then().extract().path("id")).longValue();
        as(bob).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + comment + "/vote")
                .then().statusCode(403).body("detail", containsString("own comment"));
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + comment + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(1));
    }

    @Test
    void theVoteButtonsWorkWithoutJavaScriptAndShowThePressedState() {
        long post = story(bob, "A tip to upvote with the page's button");
        Response voted = PageForms.submit(alice, "/posts/" + post, "/posts/" + post + "/vote", Map.of("value", "1"));
        assertEquals(303, voted.statusCode());
        Document page = PageForms.html(as(alice).when().get("/posts/" + post));
        assertEquals("true", page.selectFirst("form[action=/posts/" + post + "/vote] button[aria-pressed=true]")
                .attr("aria-pressed"));
        assertEquals("0", page.selectFirst("form[action=/posts/" + post + "/vote] button[aria-pressed=true]").val(),
                "pressing it again withdraws");
        Document bobsView = PageForms.html(as(bob).when().get("/posts/" + post));
        assertEquals(0, bobsView.select("form[action=/posts/" + post + "/vote]").size(), "no buttons on your own post");
        Document anonymous = PageForms.html(given().when().get("/posts/" + post));
        assertEquals(0, anonymous.select("form.vote").size());
    }

    @Test
    void upvotesOnTipsCountAsHelpedOnTheAuthorsByline() {
        long post = story(bob, "A tip whose upvote counts as helping");
        int before = helped(bob);
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote")
                .then().statusCode(200);
        assertEquals(before + 1, helped(bob));
        Document page = PageForms.html(given().when().get("/posts/" + post));
        int helped = before + 1;
        assertEquals("(their tips helped " + helped + (helped == 1 ? " person)" : " people)"), page.selectFirst(".post .meta .helped").text());
        as(alice).when().delete("/api/v1/posts/" + post + "/vote").then().statusCode(200);
        assertEquals(before, helped(bob));
    }

    @Test
    void upvotesOnCommentsTaggedWithRemediesCountAsHelpedAndCommentsUnderADeletedPostCannotBeVoted() {
        long post = story(alice, "A tip whose replies carry their own tips");
        long tip = comment(bob, post, "{\"body\": \"Heat helped me too.\", \"remedies\": [\"heat\"]}");
        long chat = comment(bob, post, "{\"body\": \"Same here, it comes and goes.\"}");
        int before = helped(bob);
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + chat + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(1));
        assertEquals(before, helped(bob), "a comment without remedies is no tip");
        as(alice).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + tip + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(1));
        assertEquals(before + 1, helped(bob));
        as(alice).contentType(ContentType.JSON).body("{\"value\": -1}").when().put("/api/v1/comments/" + tip + "/vote")
                .then().statusCode(200).body("upvotes", equalTo(0)).body("downvotes", equalTo(1));
        assertEquals(before, helped(bob));

        as(alice).when().delete("/api/v1/posts/" + post).then().statusCode(204);
        as(admin).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/comments/" + chat + "/vote")
                .then().statusCode(404);
    }

    private static long comment(String user, long post, String json) {
        return ((Number) as(user).contentType(ContentType.JSON).body(json).when().post("/api/v1/posts/" + post + "/comments")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void listsSortByTopHotAndBest() {
        List<Integer> scores = given().queryParam("sort", "top").queryParam("limit", 50).when().get("/api/v1/posts")
                .then().statusCode(200).extract().path("items.score");
        for (int i = 1; i < scores.size(); i++) {
            assertEquals(true, scores.get(i - 1) >= scores.get(i), "top is ordered by score: " + scores);
        }
        given().queryParam("sort", "hot").when().get("/api/v1/posts").then().statusCode(200);
        given().queryParam("sort", "best").queryParam("limit", 1).when().get("/api/v1/posts").then().statusCode(200);
        given().queryParam("sort", "top").queryParam("period", "week").when().get("/api/v1/posts").then().statusCode(200);
        given().queryParam("sort", "loudest").when().get("/api/v1/posts").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().queryParam("sort", "top").queryParam("period", "decade").when().get("/api/v1/posts").then().statusCode(400);
        String next = given().queryParam("sort", "best").queryParam("limit", 1).when().get("/api/v1/posts").then().extract().path("next");
        given().queryParam("sort", "top").queryParam("after", next).when().get("/api/v1/posts").then().statusCode(400)
                .body("errors.field", hasItem("after"));
    }

    @Test
    void theDatabaseRanksMatchTheJavaFormulas() {
        long post = story(bob, "A tip to compare ranking formulas on");
        for (String voter : List.of(alice, admin)) {
            as(voter).contentType(ContentType.JSON).body("{\"value\": 1}").when().put("/api/v1/posts/" + post + "/vote");
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select score, best_rank, hot_rank, created_at from post where id = ?1").setParameter(1, post).getSingleResult());
        assertEquals(2, ((Number) row[0]).intValue());
        assertEquals(Ranking.wilsonLowerBound(2, 0), ((Number) row[1]).doubleValue(), 1e-9);
        assertEquals(Ranking.hot(2, (java.time.Instant) row[3]), ((Number) row[2]).doubleValue(), 1e-9);
    }

    private int helped(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> Member.<Member>find("handle", handle).firstResult().helpedCount);
    }
}

package io.backstory.search;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;
import io.backstory.platform.content.ContentStatus;
import io.backstory.platform.db.SqlEnum;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The Lucene index of search candidates follows every change of what readers see, and PostgreSQL has the last word. */
@QuarkusTest
class SearchIndexTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    @Inject
    SearchIndex index;
    @Inject
    EntityManager em;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!index.ready() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertTrue(index.ready(), "the index is built at start");
    }

    private long post(String title, String body) {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title, "body", body,
                "conditions", List.of("sciatica"))).when().post("/api/v1/posts").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    private long comment(long post, String body) {
        return ((Number) as(alice).contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
    }

    /** What the index finds, as a search does it: in a request of its own and a transaction. */
    private List<Long> found(String words, SearchService.HitType type) {
        return CompletableFuture.supplyAsync(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                SearchIndex.Candidates found = QuarkusTransaction.requiringNew().call(() -> index.newest((String) em
                        .createNativeQuery("select websearch_to_tsquery('english', ?1)::text").setParameter(1, words)
                        .getSingleResult(), 200).orElseThrow());
                return (type == SearchService.HitType.POST ? found.posts() : found.comments()).stream()
                        .map(SearchIndex.Candidate::id).toList();
            } finally {
                request.terminate();
            }
        }).join();
    }

    private static List<Number> hits(String q, String type, String idField) {
        return given().queryParam("q", q).when().get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.findAll { it.type == '" + type + "' }." + idField, Number.class);
    }

    @Test
    void newPostsEditsAndDeletionsAreFoundByTheNextSearch() {
        long post = post("Snorkelwhip week one", "Snorkelwhip stretches and a frumplefish walk helped my back.");
        assertEquals(List.of(post), found("snorkelwhip", SearchService.HitType.POST));
        assertEquals(List.of(post), found("snorkelwhip frumplefish", SearchService.HitType.POST));
        assertEquals(List.of(), found("snorkelwhip -frumplefish", SearchService.HitType.POST));
        assertEquals(List.of(post), found("sciatic snorkelwhip", SearchService.HitType.POST), "the tag's words are indexed");

        as(bob).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", "Snorkelwhip week one",
                "body", "Snorkelwhip stretches and a gentle walk helped my back.", "conditions", List.of("sciatica"), "version", 0))
                .when().put("/api/v1/posts/" + post).then().statusCode(200);
        assertEquals(List.of(), found("frumplefish", SearchService.HitType.POST), "the edit took the word out");
        assertEquals(List.of(post), found("snorkelwhip", SearchService.HitType.POST));

        as(bob).when().delete("/api/v1/posts/" + post).then().statusCode(204);
        assertEquals(List.of(), found("snorkelwhip", SearchService.HitType.POST));
    }

    @Test
    void commentsAreFoundNewestFirst() {
        long post = post("Wobblequartz question", "Anyone tried a wobblequartz cushion?");
        long first = comment(post, "A wobblequartz cushion helped me a little.");
        long second = comment(post, "The wobblequartz cushion did nothing for me.");
        assertEquals(List.of(second, first), found("wobblequartz", SearchService.HitType.COMMENT));
        assertEquals(List.of(second, first), hits("wobblequartz", "COMMENT", "commentId").stream().map(Number::longValue)
                .sorted((a, b) -> Long.compare(b, a)).toList());
    }

    @Test
    void candidatesOnAPostReadersNoLongerSeeGiveWayToOlderMatches() {
        long older = post("Glibberwort story", "A glibberwort tea before bed.");
        long olderComment = comment(older, "Glibberwort tea worked for me too.");
        long hidden = post("Glibberwort thread", "More about glibberwort.");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into comment (post_id, author_id, body_markdown, body_html)
                select ?1, p.author_id, 'Glibberwort again, number ' || n, '<p>Glibberwort again</p>'
                from post p, generate_series(1, 250) n where p.id = ?1""").setParameter(1, hidden).executeUpdate());
        assertEquals(200, found("glibberwort", SearchService.HitType.COMMENT).size());
        assertTrue(hits("glibberwort", "COMMENT", "commentId").size() > 1);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update post set status = "
                + SqlEnum.literal(ContentStatus.HIDDEN) + " where id = ?1").setParameter(1, hidden).executeUpdate());
        // Hiding the post logged its comments (V43): the index no longer offers them, and the older one takes their place.
        assertEquals(List.of(olderComment), found("glibberwort", SearchService.HitType.COMMENT));
        assertEquals(List.of(olderComment), hits("glibberwort", "COMMENT", "commentId").stream().map(Number::longValue).toList());
        assertEquals(List.of(older), hits("glibberwort", "POST", "postId").stream().map(Number::longValue).toList());
    }

    @Test
    void candidatesAreRankedAsPostgresqlRanksThem() {
        long post = post("Zindlefrond and my back", "Zindlefrond tea, then heat on my back. Back pain eased; zindlefrond again "
                + "at night with ice, and my back pain was gone by morning. Zindlefrond!");
        comment(post, "Zindlefrond did nothing for my back pain, heat did.");
        comment(post, "Ice first, then zindlefrond, then a walk, then back to bed with zindlefrond and heat.");
        for (String words : List.of("zindlefrond", "zindlefrond back", "zindlefrond pain back", "zindlefrond or heat",
                "zindlefrond -ice", "zindlefrond sciatic", "back zindlefrond zindlefrond")) {
            String tsquery = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select websearch_to_tsquery('english', ?1)::text").setParameter(1, words).getSingleResult());
            SearchIndex.Candidates found = CompletableFuture.supplyAsync(() -> {
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    return QuarkusTransaction.requiringNew().call(() -> index.newest(tsquery, 200).orElseThrow());
                } finally {
                    request.terminate();
                }
            }).join();
            assertRankedAsPostgresql("post", words, found.posts());
            assertRankedAsPostgresql("comment", words, found.comments());
            assertTrue(found.posts().size() + found.comments().size() > 0, words);
        }
    }

    private void assertRankedAsPostgresql(String table, String words, List<SearchIndex.Candidate> candidates) {
        for (SearchIndex.Candidate candidate : candidates) {
            float expected = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select ts_rank_cd(search_vector, websearch_to_tsquery('english', ?1)) from " + table + " where id = ?2")
                    .setParameter(1, words).setParameter(2, candidate.id()).getSingleResult()).floatValue());
            assertEquals(expected, candidate.rank(), table + " " + candidate.id() + " for " + words);
        }
    }

    private long lastChangeOf(long post) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(seq) from search_change where post_id = ?1").setParameter(1, post).getSingleResult()).longValue());
    }

    @Test
    void theIndexReadsTheLogWithoutASearch() {
        long post = post("Quibblefern story", "A quibblefern walk.");
        long change = lastChangeOf(post);
        assertTrue(index.readUpTo() < change, "nobody searched yet");
        index.keepUp();
        assertTrue(index.readUpTo() >= change, "read " + index.readUpTo() + ", logged " + change);
        assertEquals(List.of(post), found("quibblefern", SearchService.HitType.POST));
    }

    @Test
    void changesOlderThanTheirRetentionAreRemovedAndNewerOnesKept() {
        long old = post("Drizzlemoss story", "A drizzlemoss stretch.");
        long recent = post("Drizzlemoss again", "Another drizzlemoss stretch.");
        long oldChange = lastChangeOf(old);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update search_change set logged_at = now() - interval '25 hours' where post_id = ?1")
                .setParameter(1, old).executeUpdate());
        long removed = QuarkusTransaction.requiringNew().call(() -> index.trimChanges(Duration.ofHours(24)));
        assertTrue(removed >= 1, "removed " + removed);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from search_change where seq = ?1").setParameter(1, oldChange).getSingleResult()).longValue()));
        assertTrue(lastChangeOf(recent) > oldChange, "the recent change is kept");
    }
}

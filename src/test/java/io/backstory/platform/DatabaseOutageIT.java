package io.backstory.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * The database goes away under load and comes back. While it is away the packaged app answers 503 quickly (no hung
 * threads) and readiness is DOWN; afterwards it recovers by itself, and every post and vote it acknowledged is there,
 * none it refused is, and nothing is half-written.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = GenerousLimits.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DatabaseOutageIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();


    record Outcome(String title, int status) {
    }

    @Test
    void theAppAnswers503WhileTheDatabaseIsDownAndRecoversWithoutLosingAcknowledgedWrites() throws Exception {
        String bob = KeycloakServer.token("bob");
        List<String> voters = List.of(KeycloakServer.token("alice"), KeycloakServer.token("admin"));
        long post = createPost(bob, "The post everyone votes on during the outage").id();

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Outcome> posts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        AtomicInteger slowAnswers = new AtomicInteger();
        // The last vote each voter had acknowledged (only one thread votes, so the order is well defined).
        int[] lastAcknowledgedVote = new int[2];
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            int w = worker;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    long started = System.nanoTime();
                    int status;
                    String what;
                    if (w == 0) {
                        String title = "Outage load post " + i + " from worker " + w;
                        what = "POST /api/v1/posts";
                        status = createPost(bob, title).status();
                        posts.add(new Outcome(title, status));
                    } else if (w == 1) {
                        what = "PUT vote";
                        int value = i % 4 < 2 ? 1 : -1;
                        status = send("PUT", "/api/v1/posts/" + post + "/vote", voters.get(i % 2),
                                "{\"value\": " + value + "}").statusCode();
                        if (status == 200) {
                            lastAcknowledgedVote[i % 2] = value;
                        }
                    } else {
                        what = w == 2 ? "/conditions/sciatica" : "/posts/" + post;
                        status = send("GET", what, null, null).statusCode();
                    }
                    if (status >= 500 && status != 503) {
                        serverErrors.add(status + " for " + what);
                    }
                    if (System.nanoTime() - started > Duration.ofSeconds(5).toNanos()) {
                        slowAnswers.incrementAndGet();
                    }
                }
                return null;
            });
        }

        Thread.sleep(2000);
        EmbeddedPostgresTestResource.stopServer();
        Thread.sleep(1000);
        long started = System.nanoTime();
        HttpResponse<String> page = send("GET", "/conditions/sciatica", null, null);
        long pageMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.body().contains("briefly unavailable"), page.body());
        assertEquals(List.of(), HtmlChecker.errors(page.body()), "the 503 page is valid HTML");
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(pageMillis < 3000, "503 took " + pageMillis + " ms");
        HttpResponse<String> api = send("PUT", "/api/v1/posts/" + post + "/vote", voters.get(0), "{\"value\": 1}");
        assertEquals(503, api.statusCode(), api.body());
        HttpResponse<String> ready = ready();
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("DOWN"), ready.body());

        Thread.sleep(3000);
        EmbeddedPostgresTestResource.startServer();
        long back = System.nanoTime();
        while (send("GET", "/conditions/sciatica", null, null).statusCode() != 200) {
            assertTrue(System.nanoTime() - back < Duration.ofSeconds(10).toNanos(), "not recovered within 10 s");
            Thread.sleep(200);
        }
        long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
        Thread.sleep(2000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), "load threads hung");
        assertEquals(200, ready().statusCode());
        System.out.printf("Database outage: 503 in %d ms while down, recovered %d ms after the restart%n", pageMillis,
                recoveredMillis);

        assertEquals(List.of(), List.copyOf(serverErrors), "answers other than 503 in the 5xx range; the app logged:\n"
                + appErrors());
        assertEquals(0, slowAnswers.get(), "requests that took over 5 s");
        try (Connection db = DriverManager.getConnection(EmbeddedPostgresTestResource.jdbcUrl())) {
            int acknowledged = 0;
            int refusedYetCommitted = 0;
            for (Outcome outcome : posts) {
                int rows = count(db, "select count(*) from post where title = ?", outcome.title());
                int conditions = count(db, "select count(*) from post_condition pc join post p on p.id = pc.post_id "
                        + "where p.title = ?", outcome.title());
                assertEquals(rows, conditions, "half-written: " + outcome);
                if (outcome.status() == 201) {
                    acknowledged++;
                    assertEquals(1, rows, "acknowledged but lost: " + outcome.title());
                } else {
                    assertTrue(outcome.status() == 503, "unexpected " + outcome);
                    // A commit cut off by the shutdown has an unknown outcome: all of it or nothing, never part.
                    assertTrue(rows <= 1, "refused but written twice: " + outcome);
                    refusedYetCommitted += rows;
                }
            }
            System.out.printf("Database outage: %d refused posts were committed before the connection dropped%n",
                    refusedYetCommitted);
            System.out.printf("Database outage: %d of %d posts acknowledged, the rest refused with 503%n", acknowledged,
                    posts.size());
            assertTrue(acknowledged > 0 && acknowledged < posts.size(), "the outage should refuse some posts, not all: "
                    + acknowledged + " of " + posts.size());
            try (PreparedStatement tallies = db.prepareStatement("""
                    select p.upvotes, p.downvotes,
                           (select count(*) from post_vote v where v.post_id = p.id and v.value = 1),
                           (select count(*) from post_vote v where v.post_id = p.id and v.value = -1)
                    from post p where p.id = ?""")) {
                tallies.setLong(1, post);
                try (ResultSet r = tallies.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals(r.getInt(3), r.getInt(1), "upvote tally equals the vote rows");
                    assertEquals(r.getInt(4), r.getInt(2), "downvote tally equals the vote rows");
                }
            }
            try (PreparedStatement votes = db.prepareStatement("select value from post_vote where post_id = ? order by value")) {
                votes.setLong(1, post);
                List<Integer> stored = new java.util.ArrayList<>();
                try (ResultSet r = votes.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getInt(1));
                    }
                }
                assertEquals(java.util.stream.IntStream.of(lastAcknowledgedVote).sorted().boxed().toList(), stored,
                        "each voter's last acknowledged vote is the one stored");
            }
        }
    }

    private record Created(long id, int status) {
    }

    private Created createPost(String token, String title) {
        HttpResponse<String> response = send("POST", "/api/v1/posts", token, """
                {"kind": "TIP", "title": "%s", "body": "Short walks, often.", "conditions": ["sciatica"]}""".formatted(title));
        long id = response.statusCode() == 201 ? Long.parseLong(response.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1")) : -1;
        return new Created(id, response.statusCode());
    }

    /** Readiness, on the management port as in production. */
    private HttpResponse<String> ready() {
        return send(HttpRequest.newBuilder(URI.create(PackagedApp.management("/q/health/ready"))).timeout(Duration.ofSeconds(10)));
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's logged errors (the packaged app logs to target/quarkus.log), to explain a failure. */
    private static String appErrors() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("target/quarkus.log"))) {
            return String.join("\n", lines.filter(l -> l.contains("ERROR") || l.startsWith("Caused by")).limit(40).toList());
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int count(Connection db, String sql, String parameter) throws java.sql.SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}

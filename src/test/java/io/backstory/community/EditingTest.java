package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class EditingTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    private static String edit(String title, int version) {
        return Posts.STORY.replace("Threw my back out lifting a suitcase", title)
                .replace("\"remedies\":", "\"version\": " + version + ", \"remedies\":");
    }

    @Test
    void anEditKeepsARevisionAndAStaleEditIs409AndLosesNothing() {
        long id = Posts.story(bob, "First version of my sciatica story");
        as(bob).contentType(ContentType.JSON).body(edit("Second version of my sciatica story", 0))
                .when().put("/api/v1/posts/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("editedAt", org.hamcrest.Matchers.notNullValue());
        String before = Posts.writeFootprint();

        as(bob).contentType(ContentType.JSON).body(edit("A stale edit based on version zero", 0))
                .when().put("/api/v1/posts/" + id)
                .then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("current.title", equalTo("Second version of my sciatica story"))
                .body("current.version", equalTo(1));

        assertEquals(before, Posts.writeFootprint(), "the stale edit wrote nothing");
        given().when().get("/api/v1/posts/" + id).then().body("title", equalTo("Second version of my sciatica story"));
        given().when().get("/api/v1/posts/" + id + "/revisions").then()
                .body("$", hasSize(2))
                .body("[0].title", equalTo("First version of my sciatica story"))
                .body("[1].title", equalTo("Second version of my sciatica story"))
                .body("[1].editor", equalTo(bob));
        Document history = PageForms.html(given().when().get("/posts/" + id + "/history"));
        assertTrue(history.select(".diff-removed").text().contains("First version of my sciatica story"));
        assertTrue(history.select(".diff-added").text().contains("Second version of my sciatica story"));
    }

    @Test
    void ofEightEditsOfTheSameVersionAtOnceOneWinsAndSevenGet409() throws Exception {
        long id = Posts.story(bob, "A story eight tabs edit at once");
        String token = io.backstory.platform.TestUsers.token(bob);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String title = "Edit number " + i + " of the story";
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(edit(title, 0))
                        .when().put("/api/v1/posts/" + id);
            }));
        }
        start.countDown();
        java.util.List<String> winners = new java.util.ArrayList<>();
        int conflicts = 0;
        for (var answer : answers) {
            Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                winners.add(response.path("title"));
            } else {
                assertEquals(409, response.statusCode(), response.asString());
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, winners.size(), "exactly one edit wins");
        assertEquals(7, conflicts);
        given().when().get("/api/v1/posts/" + id).then().body("title", equalTo(winners.get(0))).body("version", equalTo(1));
        given().when().get("/api/v1/posts/" + id + "/revisions").then().body("$", hasSize(2))
                .body("[1].title", equalTo(winners.get(0)));
    }

    @Test
    void aStaleEditThroughTheFormKeepsTheMembersTextAndShowsTheCurrentOne() {
        long id = Posts.story(bob, "Form editing story, original");
        as(bob).contentType(ContentType.JSON).body(edit("Changed in another tab meanwhile", 0))
                .when().put("/api/v1/posts/" + id).then().statusCode(200);

        Response conflict = PageForms.submit(bob, "/posts/" + id + "/edit", "/posts/" + id + "/edit", Map.of(
                "version", "0", "kind", "STORY", "title", "My careful rewrite of the story",
                "body", "Long text I must not lose", "condition", "sciatica"));
        assertEquals(409, conflict.statusCode());
        Document page = PageForms.html(conflict);
        assertEquals("My careful rewrite of the story", page.selectFirst("input[name=title]").val());
        assertEquals("Long text I must not lose", page.selectFirst("textarea[name=body]").text());
        assertEquals("Changed in another tab meanwhile", page.selectFirst(".conflict h3").text());
        assertEquals("1", page.selectFirst("input[name=version]").val(), "saving again applies on top of version 1");
    }

    @Test
    void onlyTheAuthorMayEditOrDeleteAndAnonymousMustLogIn() {
        long id = Posts.story(bob, "Bob's story that alice cannot change");
        as(alice).contentType(ContentType.JSON).body(edit("Alice rewrites bob's story", 0))
                .when().put("/api/v1/posts/" + id).then().statusCode(403).body("detail", containsString("author"));
        as(alice).when().delete("/api/v1/posts/" + id).then().statusCode(403);
        as(alice).redirects().follow(false).when().get("/posts/" + id + "/edit").then().statusCode(403);
        given().contentType(ContentType.JSON).body(edit("Anonymous rewrite attempt", 0))
                .when().put("/api/v1/posts/" + id).then().statusCode(401);
        given().when().delete("/api/v1/posts/" + id).then().statusCode(401);
        given().redirects().follow(false).when().get("/posts/" + id + "/edit").then().statusCode(302)
                .header("Location", containsString("/authorize"));
        given().when().get("/api/v1/posts/" + id).then().statusCode(200).body("title", equalTo("Bob's story that alice cannot change"));

        long comment = Posts.comment(alice, id, null, "alice's comment");
        as(bob).contentType(ContentType.JSON).body("{\"body\": \"bob edits alice\", \"version\": 0}")
                .when().put("/api/v1/comments/" + comment).then().statusCode(403);
        as(bob).when().delete("/api/v1/comments/" + comment).then().statusCode(403);
        as(alice).contentType(ContentType.JSON).body("{\"body\": \"alice edits her own\", \"version\": 0}")
                .when().put("/api/v1/comments/" + comment).then().statusCode(200).body("version", equalTo(1));
        as(alice).contentType(ContentType.JSON).body("{\"body\": \"stale\", \"version\": 0}")
                .when().put("/api/v1/comments/" + comment).then().statusCode(409).body("current.body", equalTo("alice edits her own"));
    }

    @Test
    void theAuthorDeletesAPostAfterConfirming() {
        long id = Posts.story(bob, "A post bob will delete after all");
        Document confirm = PageForms.html(as(bob).when().get("/posts/" + id + "/delete"));
        assertTrue(confirm.selectFirst("main p").text().contains("cannot be undone"));
        Response deleted = PageForms.submit(bob, "/posts/" + id + "/delete", "/posts/" + id + "/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        given().when().get("/posts/" + id).then().statusCode(404);
        given().when().get("/api/v1/posts/" + id).then().statusCode(404);
        as(alice).contentType(ContentType.JSON).body("{\"body\": \"too late\"}")
                .when().post("/api/v1/posts/" + id + "/comments").then().statusCode(409);
    }
}

package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The foundation's access rules for the member API, with simulated identities (@TestSecurity). */
@QuarkusTest
class PostApiTest {

    private static final String STORY = Posts.STORY;

    @Test
    void anonymousCannotPostAndGets401NotARedirect() {
        given().contentType(ContentType.JSON).body(STORY).redirects().follow(false)
                .when().post("/api/v1/posts")
                .then().statusCode(401);
        given().redirects().follow(false).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "bob", roles = "member")
    void memberCreatesAStoryWithConditionsAndOutcomes() {
        String location = given().contentType(ContentType.JSON).body(STORY)
                .when().post("/api/v1/posts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/posts/"))
                .body("author", equalTo("bob"))
                .body("conditions.slug", contains("muscle-spasm", "chronic-low-back-pain"))
                .body("remedies.outcome", contains("HELPED", "HELPED", "WORSE"))
                .extract().header("Location");
        given().when().get(location).then().statusCode(200).body("title", equalTo("Threw my back out lifting a suitcase"));
        given().when().get("/").then().statusCode(200).body(containsString("Threw my back out lifting a suitcase"));
    }

    @Test
    @TestSecurity(user = "visitor-without-member-role", roles = "user")
    void authenticatedUserWithoutMemberRoleIsForbiddenAndWritesNothing() {
        long before = postCount();
        given().contentType(ContentType.JSON).body(STORY).when().post("/api/v1/posts").then().statusCode(403);
        assertEquals(before, postCount());
    }

    private static long postCount() {
        return QuarkusTransaction.requiringNew().call(() -> Post.count());
    }
}

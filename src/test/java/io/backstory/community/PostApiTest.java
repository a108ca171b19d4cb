package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class PostApiTest {

    private static final String STORY = """
            {"kind": "STORY", "title": "Threw my back out lifting a suitcase",
             "body": "Heat and short walks helped; lying on the couch made it worse.",
             "conditions": ["muscle-spasm", "chronic-low-back-pain"],
             "remedies": [{"remedy": "heat", "outcome": "HELPED"}, {"remedy": "walking", "outcome": "HELPED"},
                          {"remedy": "short-rest", "outcome": "WORSE"}]}""";

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
    @TestSecurity(user = "bob", roles = "member")
    void markupInATitleIsEscapedOnTheHomePage() {
        given().contentType(ContentType.JSON)
                .body(STORY.replace("Threw my back out lifting a suitcase", "<script>alert(1)</script> my back story"))
                .when().post("/api/v1/posts").then().statusCode(201);
        given().when().get("/").then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; my back story"));
    }

    @Test
    @TestSecurity(user = "visitor-without-member-role", roles = "user")
    void authenticatedUserWithoutMemberRoleIsForbidden() {
        given().contentType(ContentType.JSON).body(STORY).when().post("/api/v1/posts").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "bob", roles = "member")
    void tooShortTitleIsA400NamingTheFieldAndWritesNothing() {
        long before = postCount();
        given().contentType(ContentType.JSON).body(STORY.replace("Threw my back out lifting a suitcase", "Ouch"))
                .when().post("/api/v1/posts")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("title"))
                .body("errors.message", hasItem("must be between 10 and 200 characters"));
        assertEquals(before, postCount());
    }

    @Test
    @TestSecurity(user = "bob", roles = "member")
    void unknownConditionIsA400NamingTheFieldAndWritesNothing() {
        long before = postCount();
        given().contentType(ContentType.JSON).body(STORY.replace("chronic-low-back-pain", "broken-heart"))
                .when().post("/api/v1/posts")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("conditions[1]"))
                .body("detail", containsString("broken-heart"));
        assertEquals(before, postCount());
    }

    @Test
    void unknownPostIsA404Problem() {
        given().when().get("/api/v1/posts/999999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    private static long postCount() {
        return QuarkusTransaction.requiringNew().call(() -> Post.count());
    }
}

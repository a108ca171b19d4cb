package io.backstory.platform;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The fresh users every test makes for itself: real tokens, their handle their name, the roles their kind says. */
@QuarkusTest
class FreshMembersTest {

    private static final String STORY = """
            {"kind": "STORY", "title": "A fresh member's first story", "body": "Walking helped.",
             "conditions": ["muscle-spasm"], "remedies": []}""";

    @Test
    void aFreshMemberIsAMemberWithItsNameAsHandleAndNothingMore() {
        String member = TestUsers.newMember();
        as(member).when().get("/api/v1/me").then().statusCode(200).body("handle", equalTo(member));
        as(member).contentType(ContentType.JSON).body(STORY).when().post("/api/v1/posts").then().statusCode(201);
        as(member).when().get("/api/v1/moderation/rules").then().statusCode(403);
    }

    @Test
    void freshModeratorsAndAdminsModerate() {
        as(TestUsers.newModerator()).when().get("/api/v1/moderation/rules").then().statusCode(200);
        as(TestUsers.newAdmin()).when().get("/api/v1/moderation/rules").then().statusCode(200);
    }

    /** Why fresh users log in through the server's custom-user login: a name it does not know gets only "user". */
    @Test
    void aNameTheOidcServerDoesNotKnowIsNoMember() {
        String stranger = "stranger-" + System.nanoTime();
        as(stranger).contentType(ContentType.JSON).body(STORY).when().post("/api/v1/posts").then().statusCode(403);
    }

    @Test
    void twoFreshMembersAreTwoMembers() {
        String one = TestUsers.newMember();
        String other = TestUsers.newMember();
        assertNotEquals(one, other);
        as(one).when().get("/api/v1/me").then().statusCode(200).body("handle", equalTo(one));
        as(other).when().get("/api/v1/me").then().statusCode(200).body("handle", equalTo(other));
    }
}

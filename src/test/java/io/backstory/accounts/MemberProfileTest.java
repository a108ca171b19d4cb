package io.backstory.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class MemberProfileTest {

    @Test
    @TestSecurity(user = "alice", roles = {"member", "moderator"})
    void firstCallCreatesOneProfileWithTheTokenRoles() {
        given().when().get("/api/v1/me").then().statusCode(200)
                .body("handle", equalTo("alice"))
                .body("roles", hasItems("member", "moderator"));
        given().when().get("/api/v1/me").then().statusCode(200);
        long profiles = QuarkusTransaction.requiringNew().call(() -> Member.count("oidcSubject", "alice"));
        assertEquals(1, profiles);
    }

    @Test
    void emailLikeLoginNamesNeverBecomeHandles() {
        assertEquals("member", MemberService.initialHandle("jane.smith@example.com"));
        assertEquals("bob", MemberService.initialHandle("bob"));
        assertEquals("member", MemberService.initialHandle("<b>"));
        assertEquals("scriptalert1script", MemberService.initialHandle("<script>alert(1)</script>"));
    }
}

package io.backstory.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A bearer token quarkus-oidc has verified is kept for its next requests ({@link VerifiedTokens}): the same member and
 * roles on the API and the pages, and a token altered by one character is refused even while the real one is kept.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aKeptTokenActsAsTheSameMemberWithTheSameRolesOnTheApiAndThePages() {
        String member = TestUsers.newMember();
        String token = TestUsers.token(member);
        long before = tokens.hits();
        String handle = me(token);
        assertEquals(handle, me(token));
        assertEquals(handle, me(token));
        assertTrue(tokens.hits() >= before + 2, "the API's second and third requests came from the kept token");

        long beforePages = tokens.hits();
        assertEquals(handle, handleOnPage(token));
        assertEquals(handle, handleOnPage(token));
        assertTrue(tokens.hits() >= beforePages + 1, "the pages' second request came from the kept token");

        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("member"));
        given().auth().oauth2(token).when().get("/api/v1/moderation/rules").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/v1/moderation/rules").then().statusCode(403);
    }

    @Test
    void aModeratorsKeptTokenStillOpensTheModeratorsApi() {
        String token = TestUsers.token(TestUsers.newModerator());
        given().auth().oauth2(token).when().get("/api/v1/moderation/rules").then().statusCode(200);
        long before = tokens.hits();
        given().auth().oauth2(token).when().get("/api/v1/moderation/rules").then().statusCode(200);
        assertTrue(tokens.hits() > before, "kept");
    }

    @Test
    void aTokenAlteredByOneCharacterIsRefusedWhileTheRealOneIsKept() {
        String token = TestUsers.token(TestUsers.newMember());
        me(token);
        me(token);
        int signature = token.lastIndexOf('.') + 5;
        char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, signature) + changed + token.substring(signature + 1);
        given().auth().oauth2(forged).when().get("/api/v1/me").then().statusCode(401);
        String withoutSignature = token.substring(0, token.lastIndexOf('.') + 1);
        given().auth().oauth2(withoutSignature).when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token + "x").when().get("/api/v1/me").then().statusCode(401);
    }

    private static String me(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
    }

    private static String handleOnPage(String token) {
        Document page = PageForms.html(given().auth().oauth2(token).when().get("/").then().statusCode(200).extract().response());
        return page.selectFirst("a.handle").text();
    }
}

package io.backstory.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.backstory.platform.KeycloakResource;
import io.backstory.platform.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (prod profile) against a real Keycloak with the deployment's realm: access tokens
 * from the password grant work on the API, and roles come from the token's realm_access/roles.
 */
@QuarkusIntegrationTest
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeycloakTokensIT {

    @Test
    void memberTokenCarriesTheRealmRoles() {
        given().auth().oauth2(KeycloakServer.token("bob")).when().get("/api/v1/me").then().statusCode(200)
                .body("roles", hasItem("member"))
                .body("roles", not(hasItem("moderator")));
    }

    @Test
    void moderatorAndAdminRolesOpenTheQueueAndMembersAreRefused() {
        given().auth().oauth2(KeycloakServer.token("bob")).when().get("/api/v1/moderation/queue").then().statusCode(403);
        given().auth().oauth2(KeycloakServer.token("alice")).when().get("/api/v1/moderation/queue").then().statusCode(200);
        // admin's realm role is a composite of member and moderator; Keycloak expands it into the token.
        given().auth().oauth2(KeycloakServer.token("admin")).when().get("/api/v1/me").then().statusCode(200)
                .body("roles", hasItems("admin", "moderator", "member"));
        given().auth().oauth2(KeycloakServer.token("admin")).when().get("/api/v1/moderation/queue").then().statusCode(200);
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = KeycloakServer.token("bob").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"member\"", "\"moderator\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/v1/moderation/queue").then().statusCode(401);
        given().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void wrongPasswordGetsNoToken() {
        given().formParam("grant_type", "password").formParam("client_id", "backstory")
                .formParam("client_secret", KeycloakServer.clientSecret())
                .formParam("username", "bob").formParam("password", "not-bobs")
                .when().post(KeycloakServer.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }
}

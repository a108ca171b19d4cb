package io.backstory.platform;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Real access tokens for the dev/test users (alice: member+moderator, bob: member, admin; anyone else gets
 * only the provider's default "user" role), minted by Quarkus' in-process OIDC server with the password
 * grant, so requests go through the application's real token verification.
 */
public final class TestUsers {

    /** Tokens live about five minutes; a long run asks for a new one when less than a minute is left. */
    private record Issued(String token, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plusSeconds(60).isBefore(expiresAt);
        }
    }

    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    public static String token(String user) {
        return TOKENS.compute(user, (u, issued) -> issued != null && issued.fresh() ? issued : issue(u)).token();
    }

    private static Issued issue(String user) {
        Instant askedAt = Instant.now();
        JsonPath answer = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "backstory")
                .formParam("username", user)
                .formParam("password", user)
                .when().post(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class) + "/token")
                .then().statusCode(200)
                .extract().jsonPath();
        Object lifetime = answer.get("expires_in");
        long seconds = lifetime instanceof Number n ? n.longValue() : 300;
        return new Issued(answer.getString("access_token"), askedAt.plusSeconds(seconds));
    }

    /** A request made as this user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}

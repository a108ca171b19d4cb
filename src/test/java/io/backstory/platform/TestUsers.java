package io.backstory.platform;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * Real access tokens for the dev/test users (alice: member+moderator, bob: member, admin; anyone else gets
 * only the provider's default "user" role), minted by Quarkus' in-process OIDC server with the password
 * grant, so requests go through the application's real token verification.
 */
public final class TestUsers {

    /** The in-process server's tokens last 5 minutes; a slow run outlives them, so each is used for 4 at most. */
    private static final Duration TOKEN_USE = Duration.ofMinutes(4);
    private static final Map<String, Minted> TOKENS = new ConcurrentHashMap<>();

    private record Minted(String token, Instant at) {
    }

    private TestUsers() {
    }

    public static String token(String user) {
        return TOKENS.compute(user, (u, minted) -> minted != null && minted.at().plus(TOKEN_USE).isAfter(Instant.now())
                ? minted : new Minted(mint(u), Instant.now())).token();
    }

    private static String mint(String u) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "backstory")
                .formParam("username", u)
                .formParam("password", u)
                .when().post(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class) + "/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A request made as this user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}

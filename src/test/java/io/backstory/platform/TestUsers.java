package io.backstory.platform;

import static io.restassured.RestAssured.given;

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

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "backstory")
                .formParam("username", u)
                .formParam("password", u)
                .when().post(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class) + "/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** A request made as this user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}

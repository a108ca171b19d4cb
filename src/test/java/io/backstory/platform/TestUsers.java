package io.backstory.platform;

import static io.restassured.RestAssured.given;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Real access tokens, minted by Quarkus' in-process OIDC server, so requests go through the application's real token
 * verification. Two kinds of users:
 * <ul>
 * <li>fresh ones ({@link #newMember()}, {@link #newModerator()}, {@link #newAdmin()}): a name no test used before, so
 * a test starts from a member nobody else touched (no posts, votes, limits, trust, notices), with the roles its kind
 * stands for in its token;</li>
 * <li>the fixed dev users of application.properties (alice: member+moderator, bob: member, admin, ...), for tests
 * about that very user or its role as the realm declares it.</li>
 * </ul>
 */
public final class TestUsers {

    private static final String MEMBER_PREFIX = "member-";
    private static final String MODERATOR_PREFIX = "moderator-";
    private static final String ADMIN_PREFIX = "admin-";

    /** Tokens live about five minutes; a long run asks for a new one when less than a minute is left. */
    private record Issued(String token, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plusSeconds(60).isBefore(expiresAt);
        }
    }

    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();
    private static final Set<String> NAMED = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");

    private TestUsers() {
    }

    /** A member no other test has seen (its row is created at its first request, as at a real first login). */
    public static String newMember() {
        return fresh(MEMBER_PREFIX);
    }

    /** A fresh member who is also a moderator. */
    public static String newModerator() {
        return fresh(MODERATOR_PREFIX);
    }

    /** A fresh admin (also moderator and member, as the realm's admin). */
    public static String newAdmin() {
        return fresh(ADMIN_PREFIX);
    }

    /**
     * Twelve random digits after the prefix: a valid handle (letters, digits, '-'), and two such names never look
     * alike (digits confuse with no other digit, only with letters). Random rather than counted, because Quarkus
     * loads this class again for each application it starts in one run, which would restart a counter.
     */
    private static String fresh(String prefix) {
        while (true) {
            String name = prefix + String.format("%012d", RANDOM.nextLong(1_000_000_000_000L));
            if (NAMED.add(name)) {
                return name;
            }
        }
    }

    /** The roles a fresh user's name stands for (none for any other name: the realm's users have their own). */
    private static Set<String> freshRoles(String name) {
        if (name == null) {
            return Set.of();
        }
        if (name.startsWith(ADMIN_PREFIX)) {
            return Set.of("admin", "moderator", "member");
        }
        if (name.startsWith(MODERATOR_PREFIX)) {
            return Set.of("moderator", "member");
        }
        return name.startsWith(MEMBER_PREFIX) ? Set.of("member") : Set.of();
    }

    public static String token(String user) {
        return TOKENS.compute(user, (u, issued) -> issued != null && issued.fresh() ? issued : issue(u)).token();
    }

    private static Issued issue(String user) {
        Instant askedAt = Instant.now();
        Set<String> roles = freshRoles(user);
        JsonPath answer = (roles.isEmpty() ? passwordGrant(user) : codeGrant(user, roles))
                .when().post(authServer() + "/token")
                .then().statusCode(200)
                .extract().jsonPath();
        Object lifetime = answer.get("expires_in");
        long seconds = lifetime instanceof Number n ? n.longValue() : 300;
        return new Issued(answer.getString("access_token"), askedAt.plusSeconds(seconds));
    }

    /** A user of the realm (application.properties): the server knows its password (its name) and its roles. */
    private static RequestSpecification passwordGrant(String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "backstory")
                .formParam("username", user)
                .formParam("password", user);
    }

    /**
     * A fresh user: the in-process server's own "custom user" login (its login page's name and roles fields) gives a
     * code for this name with these roles, exchanged for tokens as a browser's login would; the roles travel in the
     * token's groups claim like the realm users' roles.
     */
    private static RequestSpecification codeGrant(String user, Set<String> roles) {
        String redirect = "http://localhost/login/start";
        String location = given().redirects().follow(false)
                .queryParam("name", user)
                .queryParam("roles", String.join(",", roles))
                .queryParam("client_id", "backstory")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", redirect)
                .when().post(authServer() + "/login")
                .then().statusCode(302)
                .extract().header("Location");
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("No code in the OIDC server's answer: " + location);
        }
        return given()
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", "backstory")
                .formParam("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8))
                .formParam("redirect_uri", redirect);
    }

    private static String authServer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A request made as this user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }
}

package io.backstory.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Tokens quarkus-oidc has verified are kept for the next requests ({@link VerifiedTokens}): a bearer token gives the
 * same member and roles on the API and the pages, a browser session's cookie the same member on the pages, and a token
 * or cookie altered by one character is refused even while the real one is kept.
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

    @Test
    void aBrowserSessionIsKeptAndACookieAlteredByOneCharacterIsNot() {
        String member = TestUsers.newMember();
        Map<String, String> session = browserLogin(member);
        assertTrue(session.keySet().stream().anyMatch(name -> name.startsWith("q_session")), "logged in: " + session.keySet());
        String first = handleOnPage(session);
        long before = tokens.hits();
        assertEquals(first, handleOnPage(session));
        assertEquals(first, handleOnPage(session));
        assertTrue(tokens.hits() >= before + 2, "the session's later pages came from the kept tokens");

        for (String cookie : session.keySet().stream().filter(name -> name.startsWith("q_session")).toList()) {
            Map<String, String> altered = new HashMap<>(session);
            String value = altered.get(cookie);
            int at = value.length() / 2;
            altered.put(cookie, value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1));
            Response page = given().redirects().follow(false).cookies(altered).when().get("/settings");
            assertFalse(page.statusCode() == 200 && page.asString().contains("class=\"handle\""),
                    cookie + " altered still opened the member's settings");
        }
    }

    /**
     * A browser's login through the in-process OIDC server: the app's redirect to it, its own login (a name and roles),
     * and the return to the app with the code, which the app exchanges for the session cookie.
     */
    private static Map<String, String> browserLogin(String member) {
        Response toServer = given().redirects().follow(false).when().get("/login/start");
        assertEquals(302, toServer.statusCode(), toServer.asString());
        Map<String, String> cookies = new LinkedHashMap<>(toServer.getCookies());
        URI authorize = URI.create(toServer.getHeader("Location"));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        String server = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        // The in-process server appends "&code=..." to the redirect address as it is given, so the state goes in it.
        query.put("redirect_uri", query.get("redirect_uri") + "?state=" + query.get("state"));
        Response code = given().redirects().follow(false).queryParams(query).queryParam("name", member)
                .queryParam("roles", "member").when().post(server + "/login");
        assertEquals(302, code.statusCode(), code.asString());
        Response back = given().redirects().follow(false).cookies(cookies).when().get(code.getHeader("Location"));
        assertTrue(back.statusCode() == 302 || back.statusCode() == 303, back.statusCode() + " " + back.asString());
        cookies.putAll(back.getCookies());
        return cookies;
    }

    private static String handleOnPage(Map<String, String> session) {
        Response page = given().cookies(session).when().get("/settings").then().statusCode(200).extract().response();
        return PageForms.html(page).selectFirst("a.handle").text();
    }

    private static String me(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200).extract().path("handle");
    }

    private static String handleOnPage(String token) {
        Document page = PageForms.html(given().auth().oauth2(token).when().get("/").then().statusCode(200).extract().response());
        return page.selectFirst("a.handle").text();
    }
}

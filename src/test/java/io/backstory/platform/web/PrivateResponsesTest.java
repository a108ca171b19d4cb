package io.backstory.platform.web;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What a logged-in member is shown is theirs alone: no shared cache or browser disk may keep it (issue 16, finding
 * 11). What logged-out readers get stays cacheable.
 */
@QuarkusTest
class PrivateResponsesTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    @Test
    void aMembersExportNotificationsAndOtherPagesAreNeverStored() {
        for (String path : new String[] {"/api/v1/me/export", "/api/v1/me/notifications", "/api/v1/me/bookmarks",
                "/notifications", "/settings", "/settings/export", "/bookmarks", "/", "/conditions/sciatica"}) {
            Response answer = as(bob).when().get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("private, no-store", answer.getHeader("Cache-Control"), path);
        }
    }

    @Test
    void refusalsAndRedirectsForMembersAreNotStoredEither() {
        assertEquals("private, no-store", as(bob).when().get("/moderation").then().statusCode(403)
                .extract().header("Cache-Control"));
        assertEquals("private, no-store", as(bob).redirects().follow(false).when().get("/login").then()
                .statusCode(303).extract().header("Cache-Control"));
    }

    @Test
    void whatLoggedOutReadersSeeIsLeftCacheable() {
        for (String path : new String[] {"/", "/conditions/sciatica", "/feeds/site.atom", "/api/v1/posts"}) {
            assertNull(given().when().get(path).then().statusCode(200).extract().header("Cache-Control"), path);
        }
    }
}

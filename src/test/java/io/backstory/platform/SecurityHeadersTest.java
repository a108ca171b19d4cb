package io.backstory.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;

@QuarkusTest
class SecurityHeadersTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    @Test
    void pagesAndApiSendTheSecurityHeaders() {
        for (String path : new String[] {"/", "/posts/new", "/api/v1/posts", "/search?q=x", "/feeds/site.atom"}) {
            given().redirects().follow(false).when().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
        }
    }

    @Test
    void theCsrfCookieIsHttpOnly() {
        Cookie csrf = TestUsers.as(bob).when().get("/posts/new").then().statusCode(200).extract().detailedCookie("csrf-token");
        assertTrue(csrf.isHttpOnly(), csrf.toString());
    }
}

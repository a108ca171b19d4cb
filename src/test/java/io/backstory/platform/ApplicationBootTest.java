package io.backstory.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ApplicationBootTest {

    @Inject
    EntityManager em;

    @Test
    void migrationsRanAgainstRealPostgres() {
        String version = (String) em.createNativeQuery("select version()").getSingleResult();
        assertTrue(version.startsWith("PostgreSQL 17"), version);
        Number failed = (Number) em.createNativeQuery("select count(*) from flyway_schema_history where not success")
                .getSingleResult();
        assertEquals(0, failed.intValue());
        @SuppressWarnings("unchecked")
        List<String> slugs = em.createNativeQuery("select slug from condition").getResultList();
        assertTrue(slugs.containsAll(List.of("herniated-disc", "sciatica", "muscle-spasm", "scoliosis", "fibromyalgia",
                "spinal-stenosis", "degenerative-disc-disease", "si-joint-dysfunction", "chronic-low-back-pain")), slugs.toString());
    }

    @Test
    void anonymousVisitorGetsTheHomePage() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Herniated disc"))
                .body(containsString("Log in"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections")));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/api/v1/posts"))
                // Conditions and remedies share one generic resource; each still documents its own request and answer.
                .body("paths.'/api/v1/conditions'.post.requestBody.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.endsWith("/ConditionRequest"))
                .body("paths.'/api/v1/remedies/{slug}'.put.requestBody.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.endsWith("/RemedyRequest"))
                .body("paths.'/api/v1/remedies/{slug}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.endsWith("/RemedyView"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}

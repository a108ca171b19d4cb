package io.backstory.evidence;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The evidence table against a fixture computed by hand (Wilson 95%, z = 1.96):
 * heat 8 helped / 1 no change / 1 worse: share 0.8, interval 0.4902-0.9433;
 * ice 2 / 3 / 0: share 0.4, interval 0.1176-0.7693 (n = 5, the minimum);
 * walking 3 / 0 / 0: too few reports. A deleted post's outcomes do not count.
 */
@QuarkusTest
class EvidenceTest {

    private static final String CONDITION = "evidence-fixture-condition";
    private static boolean fixtureCreated;

    /** Created once, by the first test that needs it (REST Assured is only set up for the app inside tests). */
    private static synchronized void fixture() {
        if (fixtureCreated) {
            return;
        }
        fixtureCreated = true;
        as("alice").contentType(ContentType.JSON).body("""
                {"slug": "%s", "name": "Evidence fixture condition", "description": "Used by EvidenceTest only."}"""
                .formatted(CONDITION)).when().post("/api/v1/conditions").then().statusCode(201);
        String[] heat = {"HELPED", "HELPED", "HELPED", "HELPED", "HELPED", "HELPED", "HELPED", "HELPED", "NO_CHANGE", "WORSE"};
        String[] ice = {"HELPED", "HELPED", "NO_CHANGE", "NO_CHANGE", "NO_CHANGE"};
        for (int i = 0; i < heat.length; i++) {
            StringBuilder remedies = new StringBuilder("{\"remedy\": \"heat\", \"outcome\": \"" + heat[i] + "\"}");
            if (i < ice.length) {
                remedies.append(", {\"remedy\": \"ice\", \"outcome\": \"").append(ice[i]).append("\"}");
            }
            if (i < 3) {
                remedies.append(", {\"remedy\": \"walking\", \"outcome\": \"HELPED\"}");
            }
            post(i % 2 == 0 ? "bob" : "alice", "Fixture report number " + i, remedies.toString());
        }
        long deleted = post("bob", "A report that gets deleted", "{\"remedy\": \"heat\", \"outcome\": \"WORSE\"}");
        as("bob").when().delete("/api/v1/posts/" + deleted).then().statusCode(204);
    }

    @Test
    void theTableMatchesTheHandComputedFixture() {
        fixture();
        JsonPath evidence = given().when().get("/api/v1/conditions/" + CONDITION + "/evidence").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("heat", "ice"), evidence.getList("ranked.slug"));
        assertEquals(List.of(8, 1, 1, 10), List.of(evidence.getInt("ranked[0].helped"), evidence.getInt("ranked[0].noChange"),
                evidence.getInt("ranked[0].worse"), evidence.getInt("ranked[0].reports")));
        assertEquals(0.8, evidence.getDouble("ranked[0].helpedShare"), 1e-9);
        assertEquals(0.4902, evidence.getDouble("ranked[0].lowerBound"), 1e-4);
        assertEquals(0.9433, evidence.getDouble("ranked[0].upperBound"), 1e-4);
        assertEquals(List.of(2, 3, 0, 5), List.of(evidence.getInt("ranked[1].helped"), evidence.getInt("ranked[1].noChange"),
                evidence.getInt("ranked[1].worse"), evidence.getInt("ranked[1].reports")));
        assertEquals(0.1176, evidence.getDouble("ranked[1].lowerBound"), 1e-4);
        assertEquals(0.7693, evidence.getDouble("ranked[1].upperBound"), 1e-4);
        assertEquals(List.of("walking"), evidence.getList("tooFewReports.slug"));
        assertEquals(3, evidence.getInt("tooFewReports[0].reports"));
    }

    @Test
    void theConditionPageDrawsTheChartAndTheTable() {
        fixture();
        Document page = PageForms.html(given().when().get("/conditions/" + CONDITION));
        assertEquals(2, page.select("figure.evidence-chart svg g").size());
        assertEquals("Heat", page.select("figure.evidence-chart svg text.label").get(0).text());
        assertEquals("80%", page.select("figure.evidence-chart svg text.value").get(0).text());
        assertEquals("272", page.select("figure.evidence-chart svg rect.bar").get(0).attr("width"), "0.8 of 340 units");
        List<String> heatRow = page.select("table.evidence-table tbody tr").get(0).select("th, td").eachText();
        assertEquals(List.of("Heat", "8", "1", "1", "80% (49-94%)", "10"), heatRow);
        assertEquals("Walking: 3 helped, 0 no change, 0 worse (3 reports)", page.selectFirst("ul.too-few li").text());
        Document remedy = PageForms.html(given().when().get("/remedies/ice"));
        assertEquals(1, remedy.select("table.evidence-table th a[href=/conditions/" + CONDITION + "]").size(),
                "the remedy page lists the condition where ice has enough reports");
    }

    @Test
    void unknownTopicsAre404() {
        given().when().get("/api/v1/conditions/nope/evidence").then().statusCode(404);
        given().when().get("/api/v1/conditions/nope/tips").then().statusCode(404);
        given().when().get("/conditions/nope").then().statusCode(404);
    }

    private static long post(String user, String title, String remedies) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "Fixture.", "conditions": ["%s"], "remedies": [%s]}"""
                .formatted(title, CONDITION, remedies)).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

}

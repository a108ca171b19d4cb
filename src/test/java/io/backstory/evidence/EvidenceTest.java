package io.backstory.evidence;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The evidence table against a fixture computed by hand (Wilson 95%, z = 1.96):
 * heat 8 helped / 1 no change / 1 worse: share 0.8, interval 0.4902-0.9433;
 * ice 2 / 3 / 0: share 0.4, interval 0.1176-0.7693 (n = 5, the minimum);
 * walking 3 / 0 / 0: too few reports. A deleted post's outcomes do not count. The counts are kept by triggers
 * (migration V13); they must equal a count from scratch after edits, deletions and moderation.
 */
@QuarkusTest
class EvidenceTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    private static final String CONDITION = "evidence-fixture-condition";
    private static boolean fixtureCreated;

    @Inject
    DataSource dataSource;

    /** Created once, by the first test that needs it (REST Assured is only set up for the app inside tests). */
    private synchronized void fixture() {
        if (fixtureCreated) {
            return;
        }
        fixtureCreated = true;
        as(alice).contentType(ContentType.JSON).body("""
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
            post(i % 2 == 0 ? bob : alice, "Fixture report number " + i, remedies.toString());
        }
        long deleted = post(bob, "A report that gets deleted", "{\"remedy\": \"heat\", \"outcome\": \"WORSE\"}");
        as(bob).when().delete("/api/v1/posts/" + deleted).then().statusCode(204);
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
        assertEquals(2, page.select("figure.evidence-chart li").size());
        Element heat = page.select("figure.evidence-chart li").get(0);
        assertEquals("Heat", heat.selectFirst(".bar-label").text());
        assertEquals("80% said it helped, based on 10 reports", heat.selectFirst(".bar-value").text());
        assertEquals("80", heat.selectFirst("svg rect.fill").attr("width"), "percent units");
        assertEquals(List.of("49", "94"), List.of(heat.selectFirst("svg line.interval").attr("x1"),
                heat.selectFirst("svg line.interval").attr("x2")), "the likely range, in percent units");
        List<String> heatRow = page.select("table.evidence-table tbody tr").get(0).select("th, td").eachText();
        assertEquals(List.of("Heat", "8", "1", "1", "80% (49-94%)", "10"), heatRow);
        assertEquals("Walking: 3 helped, 0 no change, 0 made it worse (based on 3 reports)", page.selectFirst("ul.too-few li").text());
        Document remedy = PageForms.html(given().when().get("/remedies/ice"));
        assertEquals("Condition", remedy.selectFirst("table.evidence-table thead th").text(), "its rows are conditions");
        assertEquals(1, remedy.select("table.evidence-table th a[href=/conditions/" + CONDITION + "]").size(),
                "the remedy page lists the condition where ice has enough reports");
    }

    @Test
    void unknownTopicsAre404() {
        given().when().get("/api/v1/conditions/nope/evidence").then().statusCode(404);
        given().when().get("/api/v1/conditions/nope/tips").then().statusCode(404);
        given().when().get("/conditions/nope").then().statusCode(404);
    }

    @Test
    void theKeptCountsEqualACountFromScratchAfterEditsDeletionsAndModeration() throws Exception {
        fixture();
        long edited = post(bob, "A report that changes its mind", "{\"remedy\": \"heat\", \"outcome\": \"HELPED\"},"
                + " {\"remedy\": \"ice\", \"outcome\": \"WORSE\"}");
        int version = as(bob).when().get("/api/v1/posts/" + edited).then().statusCode(200).extract().path("version");
        as(bob).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "A report that changes its mind", "body": "Fixture, edited.",
                 "conditions": ["sciatica"], "remedies": [{"remedy": "heat", "outcome": "WORSE"},
                 {"remedy": "walking", "outcome": "HELPED"}], "version": %d}""".formatted(version))
                .when().put("/api/v1/posts/" + edited).then().statusCode(200);
        long removed = post(alice, "A report a moderator removes", "{\"remedy\": \"ice\", \"outcome\": \"HELPED\"}");
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            s.executeUpdate("update post set status = 'REMOVED' where id = " + removed); // as ContentStatusChange does
            try (ResultSet r = s.executeQuery("""
                    select count(*) from condition_remedy_evidence e
                    full join (select pc.condition_id, pr.remedy_id,
                                      count(*) filter (where pr.outcome = 'HELPED') as helped,
                                      count(*) filter (where pr.outcome = 'NO_CHANGE') as no_change,
                                      count(*) filter (where pr.outcome = 'WORSE') as worse
                               from post p join post_remedy pr on pr.post_id = p.id and pr.outcome is not null
                               join post_condition pc on pc.post_id = p.id
                               where p.status = 'PUBLISHED' and not p.deleted
                               group by pc.condition_id, pr.remedy_id) f
                           on f.condition_id = e.condition_id and f.remedy_id = e.remedy_id
                    where coalesce(f.helped, 0) <> coalesce(e.helped, 0) or coalesce(f.no_change, 0) <> coalesce(e.no_change, 0)
                       or coalesce(f.worse, 0) <> coalesce(e.worse, 0)""")) {
                r.next();
                assertEquals(0, r.getLong(1), "condition/remedy pairs whose kept counts differ from a recount");
            }
        }
        theTableMatchesTheHandComputedFixture(); // the moved and the removed report took their outcomes with them
    }

    private static long post(String user, String title, String remedies) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "STORY", "title": "%s", "body": "Fixture.", "conditions": ["%s"], "remedies": [%s]}"""
                .formatted(title, CONDITION, remedies)).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

}

package io.backstory.taxonomy;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class TaxonomyTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    @Test
    void tagsAreFoundByNameOrSynonymIgnoringCase() {
        given().queryParam("q", "slipped disc").when().get("/api/v1/taxonomy/lookup")
                .then().statusCode(200)
                .body("[0].slug", equalTo("herniated-disc"))
                .body("[0].matched", equalTo("slipped disc"));
        given().queryParam("q", "advil").when().get("/api/v1/taxonomy/lookup")
                .then().statusCode(200).body("[0].slug", equalTo("nsaids")).body("[0].kind", equalTo("REMEDY"));
        given().queryParam("q", "Sciatica").when().get("/api/v1/taxonomy/lookup")
                .then().body("[0].slug", equalTo("sciatica"));
        given().queryParam("q", "%_\\'").when().get("/api/v1/taxonomy/lookup").then().statusCode(200);
        given().when().get("/api/v1/taxonomy/lookup").then().statusCode(400).body("errors.field", hasItem("q"));
    }

    @Test
    void moderatorsAddAndEditConditionsMembersCannot() {
        String piriformis = """
                {"slug": "piriformis-syndrome", "name": "Piriformis syndrome",
                 "description": "A buttock muscle irritating the sciatic nerve.", "synonyms": ["piriformis", "deep buttock pain"]}""";
        as(bob).contentType(ContentType.JSON).body(piriformis).when().post("/api/v1/conditions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(piriformis).when().post("/api/v1/conditions").then().statusCode(401);
        as(alice).contentType(ContentType.JSON).body(piriformis).when().post("/api/v1/conditions")
                .then().statusCode(201).body("synonyms", hasItem("piriformis"));
        given().queryParam("q", "deep buttock").when().get("/api/v1/taxonomy/lookup")
                .then().body("[0].slug", equalTo("piriformis-syndrome"));

        long conditions = count("condition");
        as(alice).contentType(ContentType.JSON).body(piriformis).when().post("/api/v1/conditions")
                .then().statusCode(409).body("detail", containsString("already used"));
        as(admin).contentType(ContentType.JSON).body(piriformis.replace("piriformis-syndrome", "Bad Slug!"))
                .when().post("/api/v1/conditions").then().statusCode(400).body("errors.field", hasItem("slug"));
        as(alice).contentType(ContentType.JSON)
                .body(piriformis.replace("piriformis-syndrome", "another-one").replace("\"piriformis\",", "\"slipped disc\","))
                .when().post("/api/v1/conditions").then().statusCode(409).body("detail", containsString("slipped disc"));
        assertEquals(conditions, count("condition"), "rejected requests wrote nothing");

        as(admin).contentType(ContentType.JSON)
                .body(piriformis.replace("A buttock muscle", "The piriformis muscle").replace(", \"deep buttock pain\"", ""))
                .when().put("/api/v1/conditions/piriformis-syndrome")
                .then().statusCode(200).body("description", containsString("The piriformis muscle"))
                .body("synonyms", not(hasItem("deep buttock pain")));
        Document page = PageForms.html(given().when().get("/conditions/piriformis-syndrome"));
        assertTrue(page.selectFirst(".synonyms").text().contains("piriformis"));
    }

    @Test
    void membersSuggestATagAndAModeratorApprovesItOnce() {
        int id = as(bob).contentType(ContentType.JSON)
                .body("{\"kind\": \"REMEDY\", \"name\": \"Kinesiology tape\", \"category\": \"DEVICE\", \"note\": \"Common in the sciatica threads\"}")
                .when().post("/api/v1/tag-suggestions").then().statusCode(201).extract().path("id");
        as(bob).when().get("/api/v1/tag-suggestions").then().statusCode(403);
        as(alice).when().get("/api/v1/tag-suggestions").then().statusCode(200).body("name", hasItem("Kinesiology tape"));

        as(alice).contentType(ContentType.JSON).body("{\"approve\": true}")
                .when().post("/api/v1/tag-suggestions/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo(alice));
        given().when().get("/api/v1/remedies/kinesiology-tape").then().statusCode(200).body("category", equalTo("DEVICE"));
        as(admin).contentType(ContentType.JSON).body("{\"approve\": false}")
                .when().post("/api/v1/tag-suggestions/" + id + "/decision").then().statusCode(409);
        as(bob).contentType(ContentType.JSON).body("{\"kind\": \"REMEDY\", \"name\": \"x\"}")
                .when().post("/api/v1/tag-suggestions").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void theSuggestionAndReviewPagesWorkWithoutJavaScript() {
        Response sent = PageForms.submit(bob, "/tags/suggest", "/tags/suggest",
                Map.of("kind", "CONDITION", "name", "Coccydynia", "note", "tailbone pain"));
        assertEquals(303, sent.statusCode());
        Document review = PageForms.html(as(alice).when().get("/moderation/tags"));
        String action = review.select("form[action^=/moderation/tags/]").stream()
                .filter(f -> f.parent().text().contains("Coccydynia")).findFirst().orElseThrow().attr("action");
        Response decided = PageForms.submit(alice, "/moderation/tags", action, Map.of("decision", "approve"));
        assertEquals(303, decided.statusCode());
        given().when().get("/conditions/coccydynia").then().statusCode(200);
        as(bob).redirects().follow(false).when().get("/moderation/tags").then().statusCode(403);
    }

    private static long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Condition.getEntityManager()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}

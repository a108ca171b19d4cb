package io.backstory.evidence;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.accounts.Member;
import io.backstory.accounts.MemberService;
import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.backstory.voting.VoteService;
import io.backstory.voting.VoteTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class BestTipsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    private static final String CONDITION = "best-tips-fixture-condition";

    @Inject
    VoteService votes;
    @Inject
    MemberService members;

    @Test
    void manyVotesBeatAFewPerfectOnesAndCommentsWithRemediesCountAsTips() {
        as(alice).contentType(ContentType.JSON).body("""
                {"slug": "%s", "name": "Best tips fixture", "description": "Used by BestTipsTest only."}""".formatted(CONDITION))
                .when().post("/api/v1/conditions").then().statusCode(201);
        long popular = tip(bob, "Sixty up and five down: the popular tip");
        long perfect = tip(bob, "Three up and none down: the small tip");
        long story = post(bob, "STORY", "A story without remedies is not a tip", "");
        long comment = ((Number) as(alice).contentType(ContentType.JSON)
                .body("{\"body\": \"Heat and a short walk every hour helped me.\", \"remedies\": [\"heat\", \"walking\"]}")
                .when().post("/api/v1/posts/" + story + "/comments").then().statusCode(201).extract().path("id")).longValue();
        castVotes(VoteTarget.POST, popular, 60, 5);
        castVotes(VoteTarget.POST, perfect, 3, 0);
        castVotes(VoteTarget.COMMENT, comment, 10, 1);

        JsonPath tips = given().when().get("/api/v1/conditions/" + CONDITION + "/tips").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(popular, comment, perfect), tips.getList("items.id", Long.class));
        assertEquals(List.of("POST", "COMMENT", "POST"), tips.getList("items.type"));
        assertEquals(60, tips.getInt("items[0].upvotes"));
        assertEquals(List.of("heat", "walking"), tips.getList("items[1].remedies.slug"));

        JsonPath firstPage = given().queryParam("limit", 2).when().get("/api/v1/conditions/" + CONDITION + "/tips")
                .then().extract().jsonPath();
        JsonPath secondPage = given().queryParam("limit", 2).queryParam("after", firstPage.getString("next"))
                .when().get("/api/v1/conditions/" + CONDITION + "/tips").then().extract().jsonPath();
        assertEquals(List.of(perfect), secondPage.getList("items.id", Long.class));
        assertNull(secondPage.getString("next"));

        JsonPath walkingOnly = given().queryParam("remedy", "walking").when().get("/api/v1/conditions/" + CONDITION + "/tips")
                .then().extract().jsonPath();
        assertEquals(List.of(comment), walkingOnly.getList("items.id", Long.class));
        given().queryParam("remedy", "snake-oil").when().get("/api/v1/conditions/" + CONDITION + "/tips")
                .then().statusCode(400).body("errors.field", hasItem("remedy"));

        Document page = PageForms.html(given().when().get("/conditions/" + CONDITION));
        assertTrue(page.select("ol.tips li a").get(0).text().contains("Sixty up"));
        assertTrue(page.select("ol.tips li .meta").get(0).text().contains("60 up, 5 down"));
        Document all = PageForms.html(given().queryParam("remedy", "walking").when().get("/conditions/" + CONDITION + "/tips"));
        assertEquals(1, all.select("ol.tips li").size());
    }

    private void castVotes(VoteTarget target, long id, int up, int down) {
        for (int i = 0; i < up + down; i++) {
            Member voter = members.findOrCreate("tips-voter-" + i, "tipsvoter" + i);
            votes.vote(target, id, voter.id, i < up ? 1 : -1);
        }
    }

    private static long tip(String user, String title) {
        return post(user, "TIP", title, "{\"remedy\": \"heat\", \"outcome\": \"HELPED\"}");
    }

    private static long post(String user, String kind, String title, String remedies) {
        return ((Number) as(user).contentType(ContentType.JSON).body("""
                {"kind": "%s", "title": "%s", "body": "Fixture.", "conditions": ["%s"], "remedies": [%s]}"""
                .formatted(kind, title, CONDITION, remedies)).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}

package io.backstory.moderation;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * An outside tester's sentences (issue 19): red-flag words said of symptoms the writer does not have, or of symptoms to
 * watch for, get no urgent-care box before posting, are published without a hold and reach no red-flag tab; the
 * writer's real symptoms still get all three.
 */
@QuarkusTest
class RedFlagNegationTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();

    private static final List<String> NO_SYMPTOMS = List.of(
            "I had numbness between my legs (none, thankfully).",
            "No numbness in the saddle area, no bladder trouble.",
            "The GP told me to come back if I got any numbness in the saddle area or lost control of my bladder.",
            "If you ever lose bladder control with back pain, go to A&E.",
            "The physio asked about numbness in the saddle area and bladder problems, I have neither.",
            "Watch for numbness in your groin or trouble peeing.");

    private static final List<String> SYMPTOMS = List.of(
            "Since yesterday I can't feel the area between my legs and I wet myself without noticing.",
            "Numbness in my saddle area and I can't tell when I need to pee.");

    @Inject
    EntityManager em;

    private long post() {
        return ((Number) as(bob).contentType(ContentType.JSON).body(Map.of("kind", "QUESTION",
                "title", "How long did your disc flare last?", "body", "Mine has been going for three weeks now.",
                "conditions", List.of("herniated-disc"))).when().post("/api/v1/posts").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private Document checked(long post, String text) {
        return PageForms.html(PageForms.submit(carol, "/posts/" + post, "/posts/" + post + "/comments",
                Map.of("body", text, "preview", "1")).then().statusCode(200).extract().response());
    }

    private JsonPath posted(long post, String text) {
        long id = ((Number) as(carol).contentType(ContentType.JSON).body(Map.of("body", text))
                .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        return as(carol).when().get("/api/v1/comments/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> openItemCategories(long comment) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select category from review_item where comment_id = ?1 and status = 'OPEN'", String.class)
                .setParameter(1, comment).getResultList());
    }

    @Test
    void absentOrPossibleSymptomsGetNoUrgentCareNoHoldAndNoRedFlagItem() {
        long post = post();
        assertAll(NO_SYMPTOMS.stream().map(text -> () -> {
            assertNull(checked(post, text).selectFirst("#writing-help .urgent-care"), "box before posting: " + text);
            JsonPath comment = posted(post, text);
            assertEquals("PUBLISHED", comment.getString("status"), text);
            assertEquals(List.of(), comment.getList("urgentCare"), text);
            assertEquals(List.of(), openItemCategories(comment.getLong("id")).stream()
                    .filter("RED_FLAG"::equals).toList(), "red-flag item: " + text);
        }));
    }

    @Test
    void realSymptomsStillGetTheBoxAndTheRedFlagTab() {
        long post = post();
        assertAll(SYMPTOMS.stream().map(text -> () -> {
            assertNotNull(checked(post, text).selectFirst("#writing-help .urgent-care"), "no box before posting: " + text);
            JsonPath comment = posted(post, text);
            assertFalse(comment.getList("urgentCare").isEmpty(), "no urgent care after posting: " + text);
            assertEquals(List.of("RED_FLAG"), openItemCategories(comment.getLong("id")), text);
        }));
    }
}

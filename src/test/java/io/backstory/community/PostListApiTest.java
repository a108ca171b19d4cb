package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PostListApiTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    @Test
    void keysetPagesAreStableWhenNewPostsArrive() {
        String title = "Pagination probe about degenerative discs ";
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Posts.create(bob, Posts.STORY.replace("Threw my back out lifting a suitcase", title + i)
                    .replace("\"muscle-spasm\", \"chronic-low-back-pain\"", "\"degenerative-disc-disease\"")));
        }
        JsonPath first = page(null);
        assertEquals(2, first.getList("items").size());
        assertEquals(List.of(created.get(4), created.get(3)), ids(first));

        Posts.create(bob, Posts.STORY.replace("Threw my back out lifting a suitcase", title + "inserted later")
                .replace("\"muscle-spasm\", \"chronic-low-back-pain\"", "\"degenerative-disc-disease\""));

        JsonPath second = page(first.getString("next"));
        assertEquals(List.of(created.get(2), created.get(1)), ids(second), "the new post does not shift page two");
        JsonPath third = page(second.getString("next"));
        assertTrue(ids(third).contains(created.get(0)));
    }

    @Test
    void listsFilterByRemedyWithItsOutcomeAndByKind() {
        long id = Posts.create(alice, Posts.STORY.replace("Threw my back out lifting a suitcase", "TENS did nothing for my stenosis")
                .replace("\"muscle-spasm\", \"chronic-low-back-pain\"", "\"spinal-stenosis\"")
                .replace("\"remedy\": \"walking\", \"outcome\": \"HELPED\"", "\"remedy\": \"tens\", \"outcome\": \"NO_CHANGE\""));
        JsonPath tens = given().queryParam("remedy", "tens").when().get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
        assertEquals("NO_CHANGE", tens.getString("items.find { it.id == " + id + " }.outcome"));
        given().queryParam("kind", "question").when().get("/api/v1/posts").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("QUESTION")));
        JsonPath none = given().queryParam("condition", "ankylosing-spondylitis").queryParam("kind", "tip")
                .when().get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
        assertNull(none.getString("next"));
    }

    private static JsonPath page(String after) {
        var request = given().queryParam("condition", "degenerative-disc-disease").queryParam("limit", 2);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.when().get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }
}

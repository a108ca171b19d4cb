package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.backstory.platform.PageForms;
import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every kind of bad input gets a 4xx naming the field, and the database stays exactly as it was. */
@QuarkusTest
class BadInputTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    static Stream<Arguments> badPosts() {
        String story = Posts.STORY;
        return Stream.of(
                Arguments.of("title too short", story.replace("Threw my back out lifting a suitcase", "Ouch"), "title"),
                Arguments.of("title too long", story.replace("Threw my back out lifting a suitcase", "x".repeat(201)), "title"),
                Arguments.of("blank title", story.replace("Threw my back out lifting a suitcase", "          "), "title"),
                Arguments.of("empty body", story.replace("**Heat** and short walks helped; lying on the couch made it worse.", ""), "body"),
                Arguments.of("body too long", story.replace("**Heat** and short walks helped; lying on the couch made it worse.", "x".repeat(40_001)), "body"),
                Arguments.of("unknown condition", story.replace("chronic-low-back-pain", "broken-heart"), "conditions[1]"),
                Arguments.of("no conditions", story.replace("\"muscle-spasm\", \"chronic-low-back-pain\"", ""), "conditions"),
                Arguments.of("six conditions", story.replace("\"muscle-spasm\", \"chronic-low-back-pain\"",
                        "\"muscle-spasm\", \"sciatica\", \"scoliosis\", \"fibromyalgia\", \"herniated-disc\", \"spinal-stenosis\""), "conditions"),
                Arguments.of("empty condition tag", story.replace("\"chronic-low-back-pain\"", "\"\""), "conditions[1]"),
                Arguments.of("duplicate condition", story.replace("chronic-low-back-pain", "muscle-spasm"), "conditions[1]"),
                Arguments.of("unknown remedy", story.replace("\"walking\"", "\"snake-oil\""), "remedies[1].remedy"),
                Arguments.of("empty remedy tag", story.replace("\"walking\"", "\"\""), "remedies[1].remedy"),
                Arguments.of("unknown outcome", story.replace("\"WORSE\"", "\"MAGIC\""), "remedies[2].outcome"),
                Arguments.of("unknown kind", story.replace("\"STORY\"", "\"POEM\""), "kind"),
                Arguments.of("missing kind", story.replace("\"kind\": \"STORY\",", ""), "kind"),
                Arguments.of("title of the wrong type", story.replace("\"Threw my back out lifting a suitcase\"", "[1, 2]"), "title"),
                Arguments.of("malformed JSON", "{\"kind\": \"STORY\", ", "body"),
                Arguments.of("NUL character", story.replace("suitcase", "suit\\u0000case"), "title"),
                Arguments.of("nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000), "body"),
                Arguments.of("an array instead of an object", "[]", "body"),
                Arguments.of("a bare string", "\"a story\"", "body"),
                Arguments.of("no body at all", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPosts")
    void badPostsAre400sNamingTheFieldAndWriteNothing(String name, String json, String field) {
        String before = Posts.writeFootprint();
        as(bob).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/posts")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
        assertEquals(before, Posts.writeFootprint());
    }

    @Test
    void badCommentsAre4xxAndWriteNothing() {
        long post = Posts.story(bob, "Post that receives bad comments");
        long other = Posts.story(bob, "Another post with its own comment");
        long foreignComment = Posts.comment(alice, other, null, "a comment on the other post");
        String before = Posts.writeFootprint();

        reply(post, "{\"body\": \"\"}").then().statusCode(400).body("errors.field", hasItem("body"));
        reply(post, "{\"body\": \"" + "x".repeat(10_001) + "\"}").then().statusCode(400).body("errors.field", hasItem("body"));
        reply(post, "{\"body\": \"hi\", \"parentId\": " + foreignComment + "}").then().statusCode(400)
                .body("errors.field", hasItem("parentId")).body("detail", containsString("is not a comment on post"));
        reply(post, "{\"body\": \"hi\", \"parentId\": 999999999}").then().statusCode(400).body("errors.field", hasItem("parentId"));
        reply(post, "{\"body\": \"hi\", \"remedies\": [\"snake-oil\"]}").then().statusCode(400).body("errors.field", hasItem("remedies[0]"));
        reply(post, "{\"body\": \"hi\", \"parentId\": \"abc\"}").then().statusCode(400).body("errors.field", hasItem("parentId"));
        reply(999_999_999L, "{\"body\": \"hi\"}").then().statusCode(404);
        as(alice).contentType(ContentType.JSON).body("{\"body\": \"hi\"}")
                .when().post("/api/v1/posts/not-a-number/comments").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        assertEquals(before, Posts.writeFootprint());
    }

    @Test
    void badListParametersAre400s() {
        as(bob).when().get("/api/v1/posts?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        as(bob).when().get("/api/v1/posts?limit=101").then().statusCode(400).body("errors.field", hasItem("limit"));
        as(bob).when().get("/api/v1/posts?after=%25%25%25").then().statusCode(400).body("errors.field", hasItem("after"));
        as(bob).when().get("/api/v1/posts?condition=nope").then().statusCode(400).body("errors.field", hasItem("condition"));
        as(bob).when().get("/api/v1/posts?kind=poem").then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    @Test
    void wrongContentTypesAndBrokenEncodingsAre4xxAndWriteNothing() {
        String before = Posts.writeFootprint();
        for (String type : new String[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" }) {
            as(bob).contentType(type).body(Posts.STORY).when().post("/api/v1/posts").then().statusCode(415)
                    .contentType(startsWith("application/problem+json")).body("detail", containsString("application/json"));
        }
        byte[] invalidUtf8 = Posts.STORY.replace("suitcase", "suit\u0001case").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        invalidUtf8[Posts.STORY.indexOf("suit") + 4] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        as(bob).contentType(ContentType.JSON).body(invalidUtf8).when().post("/api/v1/posts").then().statusCode(400)
                .body("errors.field", hasItem("body"));
        as(bob).urlEncodingEnabled(false).when().get("/search?q=%FF%FE%00").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
        as(bob).urlEncodingEnabled(false).when().get("/api/v1/search?q=%C3%28").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
        assertEquals(before, Posts.writeFootprint());
    }

    @Test
    void requestsOverOneMebibyteAre413() {
        String before = Posts.writeFootprint();
        as(bob).contentType(ContentType.JSON)
                .body(Posts.STORY.replace("**Heat**", "x".repeat(1024 * 1024 + 10)))
                .when().post("/api/v1/posts").then().statusCode(413);
        assertEquals(before, Posts.writeFootprint());
    }

    @Test
    void aFailedFormReShowsTheMembersTextWithEachErrorBesideItsField() {
        String before = Posts.writeFootprint();
        Response response = PageForms.submit(bob, "/posts/new", "/posts", Map.of(
                "kind", "QUESTION", "title", "Short", "body", "My long question text that must not be lost",
                "remedy.heat", "HELPED"));
        assertEquals(400, response.statusCode());
        Document page = PageForms.html(response);
        assertEquals("Short", page.selectFirst("input[name=title]").val());
        assertEquals("My long question text that must not be lost", page.selectFirst("textarea[name=body]").text());
        assertEquals("must have at least 10 visible characters; this has 5", page.selectFirst("#title-error").text());
        assertEquals("true", page.selectFirst("input[name=title]").attr("aria-invalid"));
        assertEquals("tag between 1 and 5 conditions", page.selectFirst("#field-conditions .field-error").text());
        assertEquals("HELPED", page.selectFirst("select[name=remedy.heat] option[selected]").val());
        assertEquals("QUESTION", page.selectFirst("input[name=kind][checked]").val());
        assertEquals(before, Posts.writeFootprint());
    }

    private Response reply(long postId, String json) {
        return as(alice).contentType(ContentType.JSON).body(json).when().post("/api/v1/posts/" + postId + "/comments");
    }
}

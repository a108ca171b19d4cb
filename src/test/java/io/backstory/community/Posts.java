package io.backstory.community;

import static io.backstory.platform.TestUsers.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Test fixtures: posts and comments made through the real API. */
final class Posts {

    static final String STORY = """
            {"kind": "STORY", "title": "Threw my back out lifting a suitcase",
             "body": "**Heat** and short walks helped; lying on the couch made it worse.",
             "conditions": ["muscle-spasm", "chronic-low-back-pain"],
             "remedies": [{"remedy": "heat", "outcome": "HELPED"}, {"remedy": "walking", "outcome": "HELPED"},
                          {"remedy": "short-rest", "outcome": "WORSE"}]}""";

    private Posts() {
    }

    static long create(String user, String json) {
        return ((Number) as(user).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/posts")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    static long story(String user, String title) {
        return create(user, STORY.replace("Threw my back out lifting a suitcase", title));
    }

    static long comment(String user, long postId, Long parentId, String body) {
        String json = "{\"body\": \"" + body + "\"" + (parentId == null ? "" : ", \"parentId\": " + parentId) + "}";
        return ((Number) as(user).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Row counts of every table a post or comment write touches, to prove a rejected request wrote nothing. */
    static String writeFootprint() {
        return QuarkusTransaction.requiringNew().call(() -> String.join(",",
                Post.count() + "", Comment.count() + "",
                Post.getEntityManager().createNativeQuery("select count(*) from post_revision").getSingleResult() + "",
                Post.getEntityManager().createNativeQuery("select count(*) from comment_revision").getSingleResult() + "",
                Post.getEntityManager().createNativeQuery("select count(*) from post_condition").getSingleResult() + "",
                Post.getEntityManager().createNativeQuery("select count(*) from post_remedy").getSingleResult() + "",
                Post.getEntityManager().createNativeQuery("select count(*) from comment_remedy").getSingleResult() + "",
                Post.getEntityManager().createNativeQuery("select coalesce(sum(comment_count), 0) from post").getSingleResult() + ""));
    }
}

package io.backstory.community;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.backstory.platform.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 18's weight budget: a member's view of a 300-comment thread (as a member who voted on some comments and
 * wrote some, and as one who did neither) is at most 1.25 times the visitor's bytes. The thread is shaped like the
 * benchmark's post with 300 comments: one to four sentences of forum words each, replies as deep as the page shows
 * them (six levels), several authors, a tip in ten.
 */
@QuarkusTest
class MemberThreadWeightTest {

    private static final String[] WORDS = ("back pain morning walk heat stretch sleep knee doctor physio week helped "
            + "worse better slowly gentle every hour shower warm cold ice pillow chair desk standing sitting muscle "
            + "spasm tried months years yoga swimming breathing routine posture mattress evening flare").split(" ");
    // Fresh members for each test (TestUsers): carol votes, reader only reads.
    private final String bob = TestUsers.newMember();
    private final String carol = TestUsers.newMember();
    private final String reader = TestUsers.newMember();
    private final String[] authors = {TestUsers.newModerator(), bob, TestUsers.newAdmin(), carol};

    @Test
    void aMembersViewOfA300CommentThreadIsAtMostAQuarterHeavierThanTheVisitors() {
        Random random = new Random(42);
        long post = Posts.create(bob, Posts.STORY.replace("\"STORY\"", "\"QUESTION\"")
                .replace("Threw my back out lifting a suitcase", "Three hundred comments, weighed " + System.nanoTime()));
        List<Long> comments = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Forty first, then replies to any earlier comment the page shows replies to (no "Continue this thread").
            int to = i < 40 ? -1 : random.nextInt(i);
            while (to >= 0 && depths.get(to) == CommentTree.MAX_DEPTH - 1) {
                to--;
            }
            Long parent = to < 0 ? null : comments.get(to);
            depths.add(to < 0 ? 0 : depths.get(to) + 1);
            String remedies = i % 10 == 0 ? ", \"remedies\": [\"walking\"]" : "";
            String json = "{\"body\": \"" + sentences(random) + "\"" + (parent == null ? "" : ", \"parentId\": " + parent)
                    + remedies + "}";
            comments.add(((Number) as(authors[i % authors.length]).contentType(ContentType.JSON).body(json)
                    .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id"))
                    .longValue());
        }
        // carol wrote a quarter of them and votes on every seventh of the others, up and down.
        for (int i = 0; i < comments.size(); i += 7) {
            if (i % authors.length != 3) {
                as(carol).contentType(ContentType.JSON).body("{\"value\": " + (i % 2 == 0 ? 1 : -1) + "}")
                        .when().put("/api/v1/comments/" + comments.get(i) + "/vote").then().statusCode(200);
            }
        }
        String path = "/posts/" + post;

        byte[] visitor = given().when().get(path).then().statusCode(200).extract().asByteArray();
        // carol wrote some and voted on some; reader, like the benchmark's members, neither: every comment has her buttons.
        for (String member : List.of(carol, reader)) {
            byte[] page = as(member).when().get(path).then().statusCode(200).extract().asByteArray();
            double ratio = (double) page.length / visitor.length;
            System.out.printf("300-comment thread: visitor %,d bytes (%,d gzipped), %s %,d bytes (%,d gzipped):"
                    + " %.3f times (%.3f gzipped)%n", visitor.length, gzip(visitor), member, page.length, gzip(page), ratio,
                    (double) gzip(page) / gzip(visitor));
            String html = new String(page, StandardCharsets.UTF_8);
            assertEquals(300, html.split("<li id=\"c").length - 1, "every comment is on the member's page");
            assertEquals(member.equals(carol) ? 225 : 300, html.split("aria-labelledby=\"vu m").length
                    + html.split("aria-labelledby=\"wu m").length - 2, "vote buttons on the others' comments");
            assertTrue(ratio <= 1.25, member + "'s view weighs " + ratio + " times the visitor's");
        }
    }

    /** One to four sentences of six to sixteen words, as the benchmark's generator makes them. */
    private static String sentences(Random random) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int s = 0; s < count; s++) {
            int words = 6 + random.nextInt(11);
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                        .append(w == words - 1 ? ". " : " ");
            }
        }
        return text.toString().trim();
    }

    private static int gzip(byte[] body) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.size();
    }
}

package io.backstory.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Characters XML 1.0 cannot hold (C0 controls) or tells documents to avoid (DEL, non-characters) in a stored post
 * must not break the feeds that list it. The posts are written straight into the database, as older rows or another
 * path could have stored them, so the test does not depend on whether the post API refuses such text.
 */
@QuarkusTest
class FeedRobustnessTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String bob = TestUsers.newMember();

    private static final String CONDITION = "scoliosis";
    private static final String REMEDY = "yoga";
    private static final List<String> FEEDS = List.of("/feeds/site.atom", "/conditions/" + CONDITION + "/feed.atom",
            "/remedies/" + REMEDY + "/feed.atom");

    @Inject
    DataSource dataSource;

    @Test
    void controlCharactersInAPostLeaveEveryFeedReadable() throws Exception {
        // U+0000 is left out: PostgreSQL text cannot hold it. Tab, line feed and carriage return are valid XML.
        List<Integer> controls = new ArrayList<>(IntStream.rangeClosed(0x01, 0x1F)
                .filter(c -> c != '\t' && c != '\n' && c != '\r').boxed().toList());
        controls.add(0x7F);
        checkFeedsCarryCleanedPosts(controls);
    }

    @Test
    void nonCharactersInAPostLeaveEveryFeedReadable() throws Exception {
        checkFeedsCarryCleanedPosts(List.of(0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE));
    }

    @Test
    void theApiRefusesEachSuchCharacterInATitleOrBodyNamingTheField() {
        List<Integer> characters = new ArrayList<>(IntStream.rangeClosed(0x00, 0x1F).boxed().toList());
        characters.addAll(List.of(0x7F, 0x85, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE));
        for (int c : characters) {
            String bad = new String(Character.toChars(c));
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            post(Map.of("title", "A title with " + bad + " inside it", "body", "A fine body."))
                    .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("title"));
            var body = post(Map.of("title", "A fine title for a story", "body", "A body with " + bad + " inside it."));
            if (lineBreakOrTab) {
                body.then().statusCode(201); // meaningful in text that has lines
            } else {
                body.then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("body"));
            }
        }
    }

    private io.restassured.response.Response post(Map<String, String> text) {
        Map<String, Object> json = new LinkedHashMap<>(text);
        json.put("kind", "STORY");
        json.put("conditions", List.of(CONDITION));
        return io.backstory.platform.TestUsers.as(bob).contentType(io.restassured.http.ContentType.JSON).body(json)
                .when().post("/api/v1/posts");
    }

    /** One post per character (fewer than a feed's 30 entries, so all are the newest): in title, body and author. */
    private void checkFeedsCarryCleanedPosts(List<Integer> characters) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Long, Integer> posts = insertPosts(run, characters);
        for (String path : FEEDS) {
            SyndFeed feed = feed(path);
            for (Map.Entry<Long, Integer> post : posts.entrySet()) {
                String name = String.format("U+%04X", post.getValue());
                SyndEntry entry = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/posts/" + post.getKey()))
                        .findFirst().orElse(null);
                assertNotNull(entry, path + " lists the post with " + name);
                assertEquals(title(run, name, ""), entry.getTitle(), path + ": " + name + " removed from the title");
                assertEquals(handle(run, post.getValue(), ""), entry.getAuthor(), path + ": " + name + " removed from the author");
                assertEquals(body(name, "").strip(), entry.getContents().get(0).getValue().strip(), path + ": " + name + " removed from the body");
            }
        }
    }

    /** Published posts with their authors, tagged with the condition and the remedy, in one transaction. */
    private Map<Long, Integer> insertPosts(String run, List<Integer> characters) throws Exception {
        Map<Long, Integer> posts = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement member = db.prepareStatement(
                        "insert into member (oidc_subject, handle) values (?, ?) returning id");
                PreparedStatement post = db.prepareStatement("""
                        insert into post (kind, title, body_markdown, body_html, author_id, status)
                        values ('STORY', ?, ?, ?, ?, 'PUBLISHED') returning id""");
                PreparedStatement condition = db.prepareStatement(
                        "insert into post_condition (post_id, condition_id) select ?, id from condition where slug = ?");
                PreparedStatement remedy = db.prepareStatement(
                        "insert into post_remedy (post_id, remedy_id) select ?, id from remedy where slug = ?")) {
            db.setAutoCommit(false);
            for (int character : characters) {
                String bad = Character.toString(character);
                String name = String.format("U+%04X", character);
                member.setString(1, "feed-robustness-" + run + "-" + name);
                member.setString(2, handle(run, character, bad));
                long authorId = single(member);
                post.setString(1, title(run, name, bad));
                post.setString(2, "Before" + bad + "after.");
                post.setString(3, body(name, bad));
                post.setLong(4, authorId);
                long postId = single(post);
                tag(condition, postId, CONDITION);
                tag(remedy, postId, REMEDY);
                posts.put(postId, character);
            }
            db.commit();
        }
        return posts;
    }

    private static void tag(PreparedStatement insert, long postId, String slug) throws Exception {
        insert.setLong(1, postId);
        insert.setString(2, slug);
        assertEquals(1, insert.executeUpdate(), slug + " exists");
    }

    private static long single(PreparedStatement statement) throws Exception {
        try (ResultSet r = statement.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String title(String run, String name, String bad) {
        return "Feed robustness " + run + ": " + name + " be" + bad + "tween";
    }

    private static String handle(String run, int character, String bad) {
        return "fr" + bad + "-" + run + "-" + Integer.toHexString(character);
    }

    private static String body(String name, String bad) {
        return "<p>Body with " + name + ": be" + bad + "tween</p>\n";
    }

    private static SyndFeed feed(String path) throws Exception {
        String xml = given().when().get(path).then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asString();
        return new SyndFeedInput().build(new StringReader(xml));
    }
}

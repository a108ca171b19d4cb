package io.backstory.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.platform.TestUsers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A thread 1,000 replies deep: the JSON API nests the first {@link CommentTree#MAX_DEPTH} levels, as the page does,
 * and hands deeper replies flat with their parentId, so the answer stays valid JSON a default parser reads.
 */
@QuarkusTest
class ThreadApiDepthTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String alice = TestUsers.newModerator();
    private final String bob = TestUsers.newMember();

    private static final int LEVELS = 1_000;

    @Inject
    DataSource dataSource;

    @Test
    void aThousandLevelThreadComesNestedThenFlatWithEveryCommentOnce() throws Exception {
        long post = Posts.story(bob, "A thread a thousand replies deep");
        List<Long> chain = insertChain(post);
        // Branches through the API: one inside the nesting, one below the cut, one under the deepest reply.
        Posts.comment(alice, post, chain.get(2), "A side reply at level 4");
        long belowCut = Posts.comment(alice, post, chain.get(CommentTree.MAX_DEPTH + 3), "A side reply below the cut");
        Posts.comment(bob, post, belowCut, "A reply to the side reply");
        Posts.comment(alice, post, chain.get(LEVELS - 1), "Level 1001");
        Map<Long, Long> parents = parents(post);

        for (String sort : List.of("best", "new", "top", "hot")) {
            String json = given().queryParam("sort", sort).when().get("/api/v1/posts/" + post + "/comments")
                    .then().statusCode(200).extract().asString();
            JsonNode thread = new ObjectMapper().readTree(json); // default StreamReadConstraints: 1,000 levels at most
            List<Long> seen = new ArrayList<>();
            walk(thread, null, 1, parents, seen);
            assertEquals(parents.size(), seen.size(), sort + ": as many comments as stored");
            assertEquals(parents.keySet(), new HashSet<>(seen), sort + ": every comment exactly once");
        }

        Document continued = page("/posts/" + post + "/comments/" + chain.get(LEVELS / 2));
        assertNotNull(continued.selectFirst("li#c" + chain.get(LEVELS / 2) + " > ol.replies > li#c" + chain.get(LEVELS / 2 + 1)),
                "the page's \"continue this thread\" still works half way down");
        assertNotNull(page("/posts/" + post).selectFirst("li#c" + chain.get(0)));
    }

    /** Checks nesting, parent ids and the flat lists below the cut, collecting every id met. */
    private static void walk(JsonNode nodes, Long parentId, int depth, Map<Long, Long> parents, List<Long> seen) {
        assertTrue(nodes.isEmpty() || depth <= CommentTree.MAX_DEPTH, "nested no deeper than the page");
        for (JsonNode node : nodes) {
            long id = node.get("id").asLong();
            seen.add(id);
            assertEquals(parentId, parentId(node), "comment " + id + " nested under its parent");
            walk(node.get("replies"), id, depth + 1, parents, seen);
            JsonNode deeper = node.get("deeperReplies");
            assertTrue(deeper.isEmpty() || depth == CommentTree.MAX_DEPTH, "only the deepest nested level has flat replies");
            Set<Long> above = new HashSet<>(Set.of(id));
            for (JsonNode flat : deeper) {
                long flatId = flat.get("id").asLong();
                seen.add(flatId);
                assertEquals(parents.get(flatId), parentId(flat), "flat reply " + flatId + " names its parent");
                assertTrue(above.contains(parentId(flat)), "flat reply " + flatId + " comes after its parent");
                assertTrue(flat.get("replies").isEmpty() && flat.get("deeperReplies").isEmpty(), "flat means flat");
                above.add(flatId);
            }
        }
    }

    private static Long parentId(JsonNode node) {
        return node.get("parentId").isNull() ? null : node.get("parentId").asLong();
    }

    /** The chain in one statement, as the API would have stored it (published, rendered body, counted on the post). */
    private List<Long> insertChain(long post) throws Exception {
        Map<Long, Long> childOf = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("""
                        insert into comment (id, post_id, parent_id, author_id, body_markdown, body_html, created_at)
                        select l.id, p.id, lag(l.id) over (order by n), p.author_id, 'Level ' || n, '<p>Level ' || n || E'</p>\\n',
                               now() + n * interval '1 microsecond'
                        from (select n, nextval('comment_id_seq') as id from generate_series(1, ?) n) l
                        join post p on p.id = ?
                        returning id, parent_id""");
                PreparedStatement count = db.prepareStatement("update post set comment_count = comment_count + ? where id = ?")) {
            insert.setInt(1, LEVELS);
            insert.setLong(2, post);
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    childOf.put((Long) r.getObject(2), r.getLong(1));
                }
            }
            count.setInt(1, LEVELS);
            count.setLong(2, post);
            count.executeUpdate();
        }
        List<Long> chain = new ArrayList<>();
        for (Long id = childOf.get(null); id != null; id = childOf.get(id)) {
            chain.add(id);
        }
        assertEquals(LEVELS, chain.size());
        return chain;
    }

    private Map<Long, Long> parents(long post) throws Exception {
        Map<Long, Long> parents = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select id, parent_id from comment where post_id = ?")) {
            select.setLong(1, post);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    parents.put(r.getLong(1), (Long) r.getObject(2));
                }
            }
        }
        return parents;
    }

    private static Document page(String path) {
        return Jsoup.parse(given().when().get(path).then().statusCode(200).extract().asString());
    }
}

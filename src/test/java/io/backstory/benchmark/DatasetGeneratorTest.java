package io.backstory.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backstory.benchmark.DatasetGenerator.Scale;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmark's dataset: the same seed gives the same data, another seed other data, and what the app keeps in
 * step by triggers (tallies, comment counts, evidence) matches a count from scratch. Uses the small scale.
 */
class DatasetGeneratorTest {

    /** A fingerprint of everything generated that pages show. */
    private static final String FINGERPRINT = """
            select md5(string_agg(x, ',' order by x)) from (
              select 'p' || id || title || body_markdown || status || upvotes || '/' || downvotes || '/' || comment_count as x from post
              union all select 'c' || id || post_id || coalesce(parent_id, 0) || body_markdown || upvotes from comment
              union all select 'r' || post_id || ':' || remedy_id || outcome from post_remedy
              union all select 'v' || post_id || ':' || member_id || value from post_vote) rows""";

    @Test
    void theSameSeedGivesTheSameCommunityAndItsKeptCountsAreExact() throws Exception {
        String first;
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            Map<String, Long> counts = DatasetGenerator.generate(url, Scale.SMALL, 7);
            assertEquals(2_000, counts.get("posts"));
            assertEquals(500, counts.get("members"));
            assertEquals(8, counts.get("thread levels"));
            assertTrue(counts.get("comments") > 9_000 && counts.get("votes") > 40_000, counts.toString());
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                first = single(s, FINGERPRINT);
                assertEquals("1", single(s, "select count(*) from post where comment_count = 300"));
                assertEquals("0", single(s, """
                        select count(*) from post p
                        left join (select post_id, count(*) filter (where value = 1) as up,
                                          count(*) filter (where value = -1) as down from post_vote group by post_id) v
                               on v.post_id = p.id
                        where p.upvotes <> coalesce(v.up, 0) or p.downvotes <> coalesce(v.down, 0)"""));
                assertEquals("0", single(s, """
                        select count(*) from post p
                        where comment_count <> (select count(*) from comment c
                                                where c.post_id = p.id and c.status = 'PUBLISHED' and not c.deleted)"""));
                String evidence = single(s, "select sum(helped + no_change + worse) from condition_remedy_evidence");
                assertEquals(single(s, """
                        select count(*) from post p join post_remedy pr on pr.post_id = p.id and pr.outcome is not null
                        join post_condition pc on pc.post_id = p.id where p.status = 'PUBLISHED' and not p.deleted"""),
                        evidence);
                assertNotEquals("0", single(s, "select count(*) from post where search_vector @@ to_tsquery('english', 'walk')"));
            }
        }
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            DatasetGenerator.generate(url, Scale.SMALL, 7);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                assertEquals(first, single(s, FINGERPRINT), "a second run with the same seed");
                s.execute("truncate post_vote, comment_vote, comment_remedy, post_remedy, post_condition, comment, post, member cascade");
            }
            DatasetGenerator.generate(url, Scale.SMALL, 8);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                assertNotEquals(first, single(s, FINGERPRINT), "another seed");
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}

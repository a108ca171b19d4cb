package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V39 turns the reasons stored as lines of text into rows that read as the lines read before (plain JUnit over a
 * throwaway embedded PostgreSQL migrated to V38, given old rows, then migrated on).
 */
class ReviewReasonsMigrationTest {

    /** Lines as the application wrote them before V39, and as a moderator read each of them. */
    private static final List<String> LINES = List.of(
            "unsafe-untrained-traction (untrained traction or manipulation): \"husband pull your legs\"",
            "new-member (new member's first post): \"\"",
            "flag: Spam",
            "flag: Ignores red-flag symptoms",
            "flag: Spam (buy pills at example dot com)",
            "screening-model (the screening model reads this as unsafe advice (91% sure); it is most like: \u201ca\u201d; "
                    + "\u201cb\u201d): \"Just \"crack\" it yourself\"",
            "[content deleted by its author]");
    private static final List<ReviewReason> READ_AS = List.of(
            new ReviewReason("unsafe-untrained-traction", "Untrained traction or manipulation", "husband pull your legs"),
            new ReviewReason("new-member", "New member's first post", null),
            new ReviewReason(null, "Flagged by a member: Spam", null),
            new ReviewReason(null, "Flagged by a member: Ignores red-flag symptoms", null),
            new ReviewReason(null, "Flagged by a member: Spam (buy pills at example dot com)", null),
            new ReviewReason("screening-model", "The screening model reads this as unsafe advice (91% sure); it is most "
                    + "like: \u201ca\u201d; \u201cb\u201d", "Just \"crack\" it yourself"),
            new ReviewReason(null, "[content deleted by its author]", null));

    @Test
    void everyLineBecomesARowInItsPlaceThatReadsAsTheLineDid() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("38")
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("insert into member (oidc_subject, handle) values ('migration-test', 'migrationtest')");
                s.execute("""
                        insert into post (author_id, kind, title, body_markdown)
                        select id, 'STORY', 'A title', 'A body' from member where oidc_subject = 'migration-test'""");
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into review_item (post_id, severity, category, reasons, status)
                        select id, 10, 'MEMBER_FLAG', ?, ? from post""")) {
                    insert.setString(1, String.join("\n", LINES));
                    insert.setString(2, "APPROVED");
                    insert.executeUpdate();
                    insert.setString(1, "flag: Harassment");
                    insert.setString(2, "OPEN");
                    insert.executeUpdate();
                }
                Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
                        .migrate();
                assertEquals(READ_AS, reasons(s, "APPROVED"));
                assertEquals(List.of(new ReviewReason(null, "Flagged by a member: Harassment", null)), reasons(s, "OPEN"));
                try (ResultSet columns = s.executeQuery("""
                        select 1 from information_schema.columns where table_name = 'review_item' and column_name = 'reasons'""")) {
                    assertFalse(columns.next(), "the text column is gone");
                }
            }
        }
    }

    private static List<ReviewReason> reasons(Statement s, String status) throws Exception {
        List<ReviewReason> reasons = new ArrayList<>();
        try (ResultSet r = s.executeQuery("""
                select rr.kind, rr.rule, rr.flag_reason, rr.label, rr.excerpt from review_reason rr
                join review_item i on i.id = rr.review_item_id where i.status = '%s' order by rr.position""".formatted(status))) {
            while (r.next()) {
                String flag = r.getString("flag_reason");
                reasons.add(ReviewReason.of(ReasonKind.valueOf(r.getString("kind")), r.getString("rule"),
                        flag == null ? null : FlagReason.valueOf(flag), r.getString("label"), r.getString("excerpt")));
            }
        }
        return reasons;
    }
}

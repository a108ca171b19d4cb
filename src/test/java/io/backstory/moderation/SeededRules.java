package io.backstory.moderation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The rules exactly as the migrations seed them, for plain JUnit tests without Quarkus: a throwaway embedded
 * PostgreSQL is migrated, the enabled rules and word lists are read and compiled as {@code ScreeningService} does.
 */
final class SeededRules {

    private SeededRules() {
    }

    static ScreeningEngine engine() {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                Map<String, List<String>> wordLists = new HashMap<>();
                try (ResultSet r = s.executeQuery("select name, words from screening_word_list")) {
                    while (r.next()) {
                        wordLists.put(r.getString("name"),
                                Arrays.stream(r.getString("words").split("\\s+")).filter(w -> !w.isBlank()).toList());
                    }
                }
                List<ScreeningEngine.Rule> rules = new ArrayList<>();
                try (ResultSet r = s.executeQuery("""
                        select code, category, subcategory, action, patterns, exceptions, negatable, regex, min_regex_hits,
                               condition_scope, notice
                        from screening_rule where enabled order by id""")) {
                    while (r.next()) {
                        rules.add(ScreeningService.compile(r.getString("code"),
                                ScreeningCategory.valueOf(r.getString("category")), r.getString("subcategory"),
                                ScreeningAction.valueOf(r.getString("action")), r.getString("patterns"),
                                r.getString("exceptions"), r.getBoolean("negatable"), r.getString("regex"),
                                r.getInt("min_regex_hits"), r.getString("condition_scope"), r.getString("notice"), wordLists));
                    }
                }
                return new ScreeningEngine(rules);
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("could not seed the screening rules", e);
        }
    }
}

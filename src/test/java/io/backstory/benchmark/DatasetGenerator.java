package io.backstory.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * Fills a freshly migrated database with a generated community (README, "Performance"): members, posts tagged with
 * conditions and remedy outcomes, threaded comments, heavy-tailed votes, text drawn from a real vocabulary.
 * Everything happens set-based inside PostgreSQL ({@code benchmark/generate.sql}); the same seed gives the same data.
 *
 * <p>Run on its own: {@code DatasetGenerator <small|large> <seed> <jdbc-url>} (user and password "postgres").
 */
public final class DatasetGenerator {

    /** How big a community to generate. */
    public enum Scale {
        SMALL(500, 2_000, 10_000, 20_000, 30_000, 4_000),
        LARGE(50_000, 200_000, 1_000_000, 2_000_000, 3_000_000, 400_000);

        final int members;
        final int posts;
        final int comments;
        final int postVotes;
        final int commentVotes;
        final int outcomes;

        Scale(int members, int posts, int comments, int postVotes, int commentVotes, int outcomes) {
            this.members = members;
            this.posts = posts;
            this.comments = comments;
            this.postVotes = postVotes;
            this.commentVotes = commentVotes;
            this.outcomes = outcomes;
        }

        public static Scale of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scale must be one of " + Arrays.toString(values()) + ", not " + name);
            }
        }
    }

    private DatasetGenerator() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            System.err.println("usage: DatasetGenerator <small|large> <seed> <jdbc-url>");
            System.exit(2);
        }
        Map<String, Long> counts = generate(args[2], Scale.of(args[0]), Long.parseLong(args[1]));
        System.out.println(counts);
    }

    /** Migrates the (empty) database at {@code jdbcUrl}, generates the community and returns the row counts. */
    public static Map<String, Long> generate(String jdbcUrl, Scale scale, long seed) throws SQLException {
        Flyway.configure().dataSource(jdbcUrl, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            requireEmpty(db);
            int words = loadVocabulary(db);
            String script = resource("benchmark/generate.sql")
                    .replace("${seed}", String.valueOf((seed % 1_000_003) / 1_000_003.0))
                    .replace("${words}", String.valueOf(words))
                    .replace("${members}", String.valueOf(scale.members))
                    .replace("${posts}", String.valueOf(scale.posts))
                    .replace("${comments}", String.valueOf(scale.comments))
                    .replace("${post_votes}", String.valueOf(scale.postVotes))
                    .replace("${comment_votes}", String.valueOf(scale.commentVotes))
                    .replace("${outcomes}", String.valueOf(scale.outcomes));
            String[] steps = script.split("(?m)^-- step: ");
            try (Statement statement = db.createStatement()) {
                for (String step : Arrays.copyOfRange(steps, 1, steps.length)) {
                    String name = step.substring(0, step.indexOf('\n'));
                    long started = System.nanoTime();
                    statement.execute(step.substring(name.length()));
                    log("%-75s %6.1f s", name, (System.nanoTime() - started) / 1e9);
                }
                long started = System.nanoTime();
                statement.execute("vacuum analyze");
                log("%-75s %6.1f s", "vacuum and analyze", (System.nanoTime() - started) / 1e9);
            }
            return counts(db);
        }
    }

    private static void requireEmpty(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select (select count(*) from member) + (select count(*) from post)")) {
            r.next();
            if (r.getLong(1) != 0) {
                throw new IllegalStateException("the database already has members or posts: generate into an empty one");
            }
        }
    }

    /** The words generated text is made of, most frequent first. */
    static List<String> vocabulary() {
        return resource("benchmark/vocabulary.txt").lines().filter(l -> !l.startsWith("#"))
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).filter(w -> !w.isEmpty()).toList();
    }

    /** Loads the vocabulary into the temporary table the script draws from; returns its size. */
    private static int loadVocabulary(Connection db) throws SQLException {
        List<String> words = vocabulary();
        try (Statement s = db.createStatement();
                PreparedStatement insert = db.prepareStatement(
                        "insert into gen_word select ordinality, word from unnest(?) with ordinality as w(word, ordinality)")) {
            s.execute("create temp table gen_word (rank int primary key, word text not null)");
            insert.setArray(1, db.createArrayOf("text", words.toArray()));
            insert.executeUpdate();
        }
        return words.size();
    }

    private static Map<String, Long> counts(Connection db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
                select (select count(*) from member), (select count(*) from post), (select count(*) from comment),
                       (select max(depth) + 1 from gen_comment),
                       (select count(*) from post_vote) + (select count(*) from comment_vote),
                       (select count(*) from post_remedy where outcome is not null)""")) {
            r.next();
            String[] names = {"members", "posts", "comments", "thread levels", "votes", "remedy outcomes"};
            for (int i = 0; i < names.length; i++) {
                counts.put(names[i], r.getLong(i + 1));
            }
        }
        return counts;
    }

    private static String resource(String name) {
        try (InputStream in = DatasetGenerator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("[dataset] " + String.format(Locale.ROOT, format, args));
    }
}

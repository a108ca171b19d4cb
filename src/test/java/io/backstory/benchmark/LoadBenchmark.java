package io.backstory.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.backstory.benchmark.DatasetGenerator.Scale;
import io.backstory.platform.KeycloakServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The load benchmark (README, "Performance"): for each scale, generates the dataset into a fresh embedded PostgreSQL,
 * starts the packaged application in prod mode with {@code -Xmx512m}, drives it with wrk for a fixed duration per
 * scenario and writes {@code target/benchmark/report.md}. Votes are sent by real Keycloak users with bearer tokens.
 * Not a test: run it with {@code ./mvnw -Pbenchmark verify}.
 */
public final class LoadBenchmark {

    private static final int APP_PORT = 8095;
    private static final String BASE = "http://127.0.0.1:" + APP_PORT;
    /** Health and metrics: the management port, as in production. */
    private static final int MANAGEMENT_PORT = 8096;
    private static final Path OUT = Path.of("target", "benchmark");
    private static final List<String> VOTERS = List.of("alice", "bob", "admin");
    private static final List<String> SEARCHES = List.of("heat sciatica", "walking", "disc surgery", "mckenzie press ups",
            "sleep mattress", "physio exercises", "ice or heat", "nerve pain", "yoga core", "morning stiffness");

    private final long seed = Long.getLong("benchmark.seed", 42);
    private final int seconds = Integer.getInteger("benchmark.seconds", 20);
    /** One warm-up round; a scenario is warmed up in rounds until its rate is steady (see {@link #warmUp}). */
    private final int warmupSeconds = Integer.getInteger("benchmark.warmup-seconds", 15);
    private final int warmupMaxRounds = Integer.getInteger("benchmark.warmup-max-rounds", 8);
    private final int connections = Integer.getInteger("benchmark.connections", 16);
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * One wrk run's figures. {@code bytesPerView}: bytes read per response, headers included, as sent uncompressed
     * (wrk asks for no compression), so the weight of the HTML itself. {@code gzipBytes}: the body of one such response
     * as a browser gets it (gzip), 0 where not measured.
     */
    record Result(String scenario, String path, double requestsPerSecond, double p50Ms, double p95Ms, double p99Ms,
            long requests, long errors, long bytesPerView, long gzipBytes, int warmupRounds) {

        Result compressed(long bytes) {
            return new Result(scenario, path, requestsPerSecond, p50Ms, p95Ms, p99Ms, requests, errors, bytesPerView, bytes,
                    warmupRounds);
        }
    }

    /** What one scale produced. */
    record Run(Scale scale, Map<String, Long> counts, double generateSeconds, List<Result> results, long heapBytes,
            long rssBytes, long errorLines, long tallyMismatches) {

        /** The static asset's rate, measured first: the server's ceiling on this machine. */
        double ceiling() {
            return results.get(0).requestsPerSecond();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Scale> scales = new ArrayList<>();
        for (String name : System.getProperty("benchmark.scales", "small,large").split(",")) {
            scales.add(Scale.of(name.trim()));
        }
        new LoadBenchmark().run(scales);
    }

    private void run(List<Scale> scales) throws Exception {
        requireWrk();
        Files.createDirectories(OUT);
        KeycloakServer.ensureRunning();
        List<Run> runs = new ArrayList<>();
        for (Scale scale : scales) {
            runs.add(runScale(scale));
            String report = Report.markdown(runs, seed, seconds, warmupSeconds, connections);
            Files.writeString(OUT.resolve("report.md"), report);
        }
        System.out.println(Files.readString(OUT.resolve("report.md")));
        System.out.println("Report written to " + OUT.resolve("report.md").toAbsolutePath());
        KeycloakServer.stop();
        System.exit(0); // the embedded database's and Keycloak's threads are done; do not wait for the JVM's stragglers
    }

    private Run runScale(Scale scale) throws Exception {
        String name = scale.name().toLowerCase(Locale.ROOT);
        Path dir = Files.createDirectories(OUT.resolve(name));
        log("%s: generating the dataset (seed %d)", name, seed);
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true).setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB").setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("max_connections", "100")
                // auto_explain is loaded but silent until the plan pass below turns it on for one request each.
                .setServerConfig("shared_preload_libraries", "auto_explain").setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", dir.toAbsolutePath().toString()).setServerConfig("log_filename", "postgres.log")
                .start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            long started = System.nanoTime();
            Map<String, Long> counts = DatasetGenerator.generate(url, scale, seed);
            double generateSeconds = (System.nanoTime() - started) / 1e9;
            log("%s: %s in %.0f s", name, counts, generateSeconds);
            Targets targets = Targets.find(url);
            Process app = startApplication(url, dir.resolve("app.log"));
            try {
                if (Boolean.getBoolean("benchmark.hold")) {
                    log("%s: holding for exploration: app %s, database %s, condition %s, big thread /posts/%d; stop with Ctrl+C",
                            name, BASE, url, targets.condition, targets.bigThread);
                    Thread.sleep(Long.MAX_VALUE);
                }
                recordQueryPlans(url, targets, KeycloakServer.token(VOTERS.get(0)), dir);
                awaitSearchIndex(dir.resolve("app.log"));
                List<Result> results = new ArrayList<>();
                results.add(measure(dir, "static asset (ceiling)", "/css/backstory.css", null)
                        .compressed(gzipBytes("/css/backstory.css", null)));
                results.add(measure(dir, "condition page", "/conditions/" + targets.condition, null)
                        .compressed(gzipBytes("/conditions/" + targets.condition, null)));
                results.add(measure(dir, "post page, 300 comments", "/posts/" + targets.bigThread, null)
                        .compressed(gzipBytes("/posts/" + targets.bigThread, null)));
                // A member's view: the shared render of the thread with their own votes and buttons laid over it. A fresh
                // token for each scenario: they live 5 minutes, and a scenario's warm-up can take two.
                String member = KeycloakServer.token(VOTERS.get(1));
                results.add(measure(dir, "condition page, logged in", "/conditions/" + targets.condition,
                        Scripts.loggedIn(member, "/conditions/" + targets.condition))
                        .compressed(gzipBytes("/conditions/" + targets.condition, member)));
                member = KeycloakServer.token(VOTERS.get(1));
                results.add(measure(dir, "post page, 300 comments, logged in", "/posts/" + targets.bigThread,
                        Scripts.loggedIn(member, "/posts/" + targets.bigThread))
                        .compressed(gzipBytes("/posts/" + targets.bigThread, member)));
                List<String> popular = SEARCHES.stream().map(q -> "/search?q=" + q.replace(" ", "+")).toList();
                results.add(measure(dir, "search page", "/search?q=... (10 popular)", Scripts.rotatingPaths(popular))
                        .compressed(gzipBytes(popular.get(0), null)));
                // Warmed up on three-word searches, so that the two-word searches measured are still new to the cache.
                List<String> vocabulary = DatasetGenerator.vocabulary();
                results.add(measure(dir, "search page, fresh queries", "/search?q=<2 random words>",
                        Scripts.randomSearches(vocabulary, 2), Scripts.randomSearches(vocabulary, 3)));
                results.add(measure(dir, "JSON API post list", "/api/v1/posts?condition=" + targets.condition, null)
                        .compressed(gzipBytes("/api/v1/posts?condition=" + targets.condition, null)));
                List<String> tokens = VOTERS.stream().map(KeycloakServer::token).toList(); // fresh: they live 5 minutes
                results.add(measure(dir, "vote write (JSON API)", "PUT/DELETE /api/v1/posts/{id}/vote",
                        Scripts.votes(tokens, targets.votablePosts)));
                screenThroughModel(tokens.get(0));
                long heap = heapBytes();
                long rss = rssBytes(app.pid());
                long mismatches = tallyMismatches(url);
                long errorLines = Files.readAllLines(dir.resolve("app.log")).stream().filter(l -> l.contains(" ERROR ")).count();
                return new Run(scale, counts, generateSeconds, results, heap, rss, errorLines, mismatches);
            } finally {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private Process startApplication(String jdbcUrl, Path log) throws IOException, InterruptedException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + ": run the benchmark through `./mvnw -Pbenchmark verify`");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dquarkus.http.port=" + APP_PORT, "-Dquarkus.http.host=127.0.0.1", "-Dbackstory.public-url=" + BASE,
                "-Dquarkus.management.port=" + MANAGEMENT_PORT, "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl, "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.auth-server-url=" + KeycloakServer.REALM_URL,
                "-Dquarkus.oidc.credentials.secret=" + KeycloakServer.clientSecret(),
                // The benchmark's three voters send thousands of votes a second; production keeps its limit.
                "-Dbackstory.limits.votes-per-hour=100000000",
                // The memory figure is taken after the screening model has read a few dozen texts (screenThroughModel).
                "-Dbackstory.limits.previews-per-minute=100000",
                "-jar", jar.toString());
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroyForcibly, "stop-benchmarked-app"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + log);
            }
            try {
                if (management("/q/health/ready").statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        app.destroyForcibly();
        throw new IllegalStateException("The application did not become ready in 2 minutes; see " + log);
    }

    /**
     * One request per scenario with auto_explain logging every statement's plan with actual times, caches still cold:
     * the plans behind the figures, kept in {@code query-plans.log}.
     */
    private void recordQueryPlans(String jdbcUrl, Targets targets, String token, Path dir)
            throws SQLException, IOException, InterruptedException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = db.createStatement()) {
            s.execute("alter system set auto_explain.log_min_duration = 0");
            s.execute("alter system set auto_explain.log_analyze = on");
            s.execute("select pg_reload_conf()");
            Thread.sleep(500);
            for (String path : List.of("/conditions/" + targets.condition, "/posts/" + targets.bigThread,
                    "/search?q=walking", "/search?q=tailbone+surgeon", "/api/v1/posts?condition=" + targets.condition)) {
                get(path);
            }
            http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/posts/" + targets.votablePosts.get(0) + "/vote"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 1}")).build(), HttpResponse.BodyHandlers.discarding());
            s.execute("alter system reset auto_explain.log_min_duration");
            s.execute("alter system reset auto_explain.log_analyze");
            s.execute("select pg_reload_conf()");
        }
        Thread.sleep(500);
        Files.copy(dir.resolve("postgres.log"), dir.resolve("query-plans.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Measures once the search index is built: it is built in the background at start and competes for the cores. */
    private static void awaitSearchIndex(Path appLog) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (Files.readAllLines(appLog).stream()
                .noneMatch(l -> l.contains("Search index built") || l.contains("search index could not be built"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the search index was not built within 15 minutes");
            }
            Thread.sleep(1_000);
        }
    }

    private Result measure(Path dir, String scenario, String path, String script) throws IOException, InterruptedException {
        return measure(dir, scenario, path, script, script);
    }

    /** Warms the scenario up (with {@code warmUpScript}'s requests) until its rate is steady, then measures it. */
    private Result measure(Path dir, String scenario, String path, String script, String warmUpScript)
            throws IOException, InterruptedException {
        String fileName = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".lua";
        String url = script == null ? BASE + path : BASE;
        Path warmUpLua = dir.resolve("warm-up-" + fileName);
        Files.writeString(warmUpLua, (warmUpScript == null ? "" : warmUpScript) + Scripts.REPORT);
        int rounds = warmUp(scenario, warmUpLua, url);
        Path lua = dir.resolve(fileName);
        Files.writeString(lua, (script == null ? "" : script) + Scripts.REPORT);
        String output = wrk(lua, url, seconds);
        Files.writeString(dir.resolve(fileName.replace(".lua", ".txt")), output);
        Result result = parse(scenario, path, output, rounds);
        log("%-28s %8.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d  %d bytes/view  (%d warm-up rounds)",
                scenario, result.requestsPerSecond(), result.p50Ms(), result.p95Ms(), result.p99Ms(), result.errors(),
                result.bytesPerView(), rounds);
        return result;
    }

    /**
     * Loads the scenario in rounds of {@code benchmark.warmup-seconds} until a round is no more than 5% faster than the
     * fastest before it (at most {@code benchmark.warmup-max-rounds}); returns the rounds run. A fresh JVM on 2 cores
     * shared with wrk and PostgreSQL compiles a code path over a minute or more of load: a member's 300-comment thread
     * rose from 900 to 1,550 req/s over four rounds of 20 s (2026-12-03), so a fixed short warm-up measured the JIT.
     */
    private int warmUp(String scenario, Path lua, String url) throws IOException, InterruptedException {
        double fastest = 0;
        for (int round = 1; round <= warmupMaxRounds; round++) {
            double rate = parse(scenario, "", wrk(lua, url, warmupSeconds), 0).requestsPerSecond();
            if (round > 1 && rate <= fastest * 1.05) {
                return round;
            }
            fastest = Math.max(fastest, rate);
        }
        return warmupMaxRounds;
    }

    private static Result parse(String scenario, String path, String output, int warmupRounds) {
        Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result for " + scenario + ":\n" + output);
        }
        long requests = Long.parseLong(m.group(1));
        double durationSeconds = Long.parseLong(m.group(2)) / 1e6;
        return new Result(scenario, path, requests / durationSeconds, Long.parseLong(m.group(3)) / 1000.0,
                Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0, requests, Long.parseLong(m.group(6)),
                requests == 0 ? 0 : Long.parseLong(m.group(7)) / requests, 0, warmupRounds);
    }

    private String wrk(Path lua, String url, int duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration + "s", "--timeout", "5s",
                "-s", lua.toString(), url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private long heapBytes() throws IOException, InterruptedException {
        String metrics = management("/q/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long rssBytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                .findFirst().orElse(-1);
    }

    /** Posts and comments whose stored tallies differ from their vote rows (0 when every vote was counted once). */
    private static long tallyMismatches(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = db.createStatement();
                ResultSet r = s.executeQuery("""
                        select count(*) from post p
                        left join (select post_id, count(*) filter (where value = 1) as up,
                                          count(*) filter (where value = -1) as down
                                   from post_vote group by post_id) v on v.post_id = p.id
                        where p.upvotes <> coalesce(v.up, 0) or p.downvotes <> coalesce(v.down, 0)""")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Texts the screening preview reads before the memory figure is taken, and their length in characters. */
    static final int SCREENED_TEXTS = 40;
    static final int SCREENED_CHARS = 2_000;

    /**
     * Has the screening model read {@value #SCREENED_TEXTS} texts of about {@value #SCREENED_CHARS} characters, every
     * sentence new (words of the dataset's vocabulary, some sentences long), so the resident memory reported includes
     * what ONNX Runtime allocates while embedding, not only the loaded model.
     */
    private void screenThroughModel(String token) throws IOException, InterruptedException {
        List<String> words = DatasetGenerator.vocabulary();
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < SCREENED_TEXTS; t++) {
            StringBuilder text = new StringBuilder();
            for (int n = 0; text.length() < SCREENED_CHARS; n++) {
                int length = 8 + random.nextInt(n % 5 == 0 ? 90 : 25);
                StringBuilder sentence = new StringBuilder("Day " + t + "." + n);
                for (int w = 0; w < length; w++) {
                    sentence.append(' ').append(words.get(random.nextInt(words.size())));
                }
                text.append(sentence).append(". ");
            }
            String body = "{\"text\": \"" + text.toString().strip().replace("\"", "") + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/screening"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("screening preview answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of one response as a browser gets it, compressed (as {@code token}'s member, or a visitor). */
    private long gzipBytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(10))
                .header("Accept-Encoding", "gzip");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void requireWrk() throws IOException, InterruptedException {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: `apt-get install wrk` (Debian package)", e);
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
    }

    /** What the scenarios aim at, looked up in the generated data. */
    record Targets(String condition, long bigThread, List<Long> votablePosts) {

        static Targets find(String url) throws SQLException {
            try (Connection db = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = db.createStatement()) {
                String condition = single(s, """
                        select c.slug from condition c join post_condition pc on pc.condition_id = c.id
                        group by c.slug order by count(*) desc, c.slug limit 1""");
                long bigThread = Long.parseLong(single(s, """
                        select p.id from post p where p.comment_count >= 300 and p.status = 'PUBLISHED' and not p.deleted
                        order by p.comment_count, p.id limit 1"""));
                List<Long> posts = new ArrayList<>();
                try (ResultSet r = s.executeQuery("""
                        select id from post where status = 'PUBLISHED' and not deleted order by id limit 5000""")) {
                    while (r.next()) {
                        posts.add(r.getLong(1));
                    }
                }
                return new Targets(condition, bigThread, posts);
            }
        }

        private static String single(Statement s, String sql) throws SQLException {
            try (ResultSet r = s.executeQuery(sql)) {
                if (!r.next()) {
                    throw new IllegalStateException("the dataset has no row for: " + sql);
                }
                return r.getString(1);
            }
        }
    }

    /** wrk Lua scripts: request generators and the line every run prints for the parser above. */
    static final class Scripts {

        static final String REPORT = """

                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99),
                    e.status + e.connect + e.read + e.write + e.timeout, summary.bytes))
                end
                """;

        private Scripts() {
        }

        static String rotatingPaths(List<String> paths) {
            return "local paths = {" + quoted(paths) + "}\n" + """
                    local i = 0
                    request = function()
                      i = i + 1
                      return wrk.format("GET", paths[(i % #paths) + 1])
                    end
                    """;
        }

        /** Every request to one path as a logged-in member (bearer token: the pages accept it as well as the session). */
        static String loggedIn(String token, String path) {
            return "wrk.path = \"" + path + "\"\nwrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
        }

        /** Searches of {@code count} words drawn from the whole vocabulary, so that nearly every one is new to the app's cache. */
        static String randomSearches(List<String> words, int count) {
            return "local words = {" + quoted(words) + "}\nlocal count = " + count + "\n" + """
                    request = function()
                      local q = words[math.random(#words)]
                      for i = 2, count do
                        q = q .. "+" .. words[math.random(#words)]
                      end
                      return wrk.format("GET", "/search?q=" .. q)
                    end
                    """;
        }

        /** Random up, down or withdrawn votes (PUT 1, PUT -1, DELETE) by the given users on the given posts. */
        static String votes(List<String> tokens, List<Long> posts) {
            return "local tokens = {" + quoted(tokens) + "}\nlocal posts = {"
                    + posts.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}\n" + """
                    request = function()
                      local path = "/api/v1/posts/" .. posts[math.random(#posts)] .. "/vote"
                      local headers = {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
                                       ["Content-Type"] = "application/json"}
                      local choice = math.random(3)
                      if choice == 3 then
                        return wrk.format("DELETE", path, headers)
                      end
                      return wrk.format("PUT", path, headers, '{"value":' .. (choice == 1 and 1 or -1) .. '}')
                    end
                    """;
        }

        private static String quoted(List<String> values) {
            return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
        }
    }

    /** The report file: one table per scale, the budget and the growth between scales. */
    static final class Report {

        private Report() {
        }

        static String markdown(List<Run> runs, long seed, int seconds, int warmupSeconds, int connections) {
            StringBuilder md = new StringBuilder("# Backstory load benchmark\n\n");
            md.append(String.format(Locale.ROOT, "Run %s. wrk: 2 threads, %d connections, %d s per scenario after warming it "
                    + "up in rounds of %d s until a round is no more than 5%% faster than the fastest before it (rounds in the "
                    + "table); app: packaged jar, prod profile, -Xmx512m; embedded PostgreSQL; dataset seed %d; %d cores.%n%n",
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), connections, seconds, warmupSeconds, seed,
                    Runtime.getRuntime().availableProcessors()));
            for (Run run : runs) {
                md.append("## ").append(run.scale().name().toLowerCase(Locale.ROOT)).append("\n\n");
                md.append("Dataset: ").append(run.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))).append(String.format(Locale.ROOT, "; generated in %.0f s.%n%n",
                                run.generateSeconds()));
                double ceiling = run.ceiling();
                md.append("| scenario | path | req/s | share of ceiling | p50 ms | p95 ms | p99 ms | requests | errors | bytes/view "
                        + "| gzipped | warm-up rounds |\n");
                md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Result r : run.results()) {
                    md.append(String.format(Locale.ROOT, "| %s | `%s` | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %,d | %s | %d |%n",
                            r.scenario(), r.path(), r.requestsPerSecond(), r.requestsPerSecond() / ceiling, r.p50Ms(),
                            r.p95Ms(), r.p99Ms(), r.requests(), r.errors(), r.bytesPerView(),
                            r.gzipBytes() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.gzipBytes()), r.warmupRounds()));
                }
                md.append(String.format(Locale.ROOT, "%nAfter the run and %d texts of about %,d characters read by the "
                        + "screening model: heap used %.0f MB, RSS %.0f MB (-Xmx512m); "
                        + "ERROR lines in the app log: %d; posts whose tallies differ from their votes: %d.%n%n",
                        SCREENED_TEXTS, SCREENED_CHARS, run.heapBytes() / 1048576.0, run.rssBytes() / 1048576.0,
                        run.errorLines(), run.tallyMismatches()));
                md.append(budget(run));
            }
            Map<Scale, Run> byScale = new LinkedHashMap<>();
            runs.forEach(r -> byScale.put(r.scale(), r));
            if (byScale.containsKey(Scale.SMALL) && byScale.containsKey(Scale.LARGE)) {
                double small = result(byScale.get(Scale.SMALL), "condition page").p50Ms();
                double large = result(byScale.get(Scale.LARGE), "condition page").p50Ms();
                md.append(String.format(Locale.ROOT, "## Growth%n%nCondition page p50: small %.2f ms, large %.2f ms, "
                        + "ratio %.2f (budget: at most 1.2): %s.%n", small, large, large / small, large / small <= 1.2 ? "met" : "MISSED"));
            }
            return md.toString();
        }

        private static String budget(Run run) {
            Result condition = result(run, "condition page");
            Result post = result(run, "post page, 300 comments");
            Result conditionLoggedIn = result(run, "condition page, logged in");
            Result postLoggedIn = result(run, "post page, 300 comments, logged in");
            Result search = result(run, "search page");
            Result freshSearch = result(run, "search page, fresh queries");
            Result votes = result(run, "vote write (JSON API)");
            double ceiling = run.ceiling();
            List<String> lines = List.of(
                    check("condition page >= 1000 req/s and p99 < 50 ms", condition.requestsPerSecond() >= 1000 && condition.p99Ms() < 50),
                    check("post page with 300 comments >= 500 req/s and p99 < 100 ms", post.requestsPerSecond() >= 500 && post.p99Ms() < 100),
                    check(String.format(Locale.ROOT, "visitors' condition and post pages at least 0.35 of the static ceiling "
                            + "(%.2f and %.2f)", condition.requestsPerSecond() / ceiling, post.requestsPerSecond() / ceiling),
                            condition.requestsPerSecond() >= 0.35 * ceiling && post.requestsPerSecond() >= 0.35 * ceiling),
                    check("a logged-in member's condition page >= 1500 req/s and p99 < 50 ms",
                            conditionLoggedIn.requestsPerSecond() >= 1500 && conditionLoggedIn.p99Ms() < 50),
                    check("a logged-in member's post page with 300 comments >= 1000 req/s and p99 < 50 ms",
                            postLoggedIn.requestsPerSecond() >= 1000 && postLoggedIn.p99Ms() < 50),
                    check(String.format(Locale.ROOT, "the logged-in post page at most 1.25 times the visitor's bytes "
                            + "(%.2f; gzipped %.2f)", (double) postLoggedIn.bytesPerView() / post.bytesPerView(),
                            (double) postLoggedIn.gzipBytes() / post.gzipBytes()),
                            postLoggedIn.bytesPerView() <= 1.25 * post.bytesPerView()),
                    check("search p95 < 100 ms (popular searches)", search.p95Ms() < 100),
                    check("search p95 < 100 ms (fresh searches, not cached)", freshSearch.p95Ms() < 100),
                    check("votes >= 1000 writes/s, tallies exact", votes.requestsPerSecond() >= 1000 && run.tallyMismatches() == 0),
                    check(String.format(Locale.ROOT, "RSS <= 900 MB at -Xmx512m with the screening model loaded (%.0f MB)",
                            run.rssBytes() / 1048576.0), run.rssBytes() <= 900L * 1048576),
                    check("no errors (responses and log)", run.errorLines() == 0 && run.results().stream().allMatch(r -> r.errors() == 0)));
            return "Budget (meaningful on `large`):\n\n" + String.join("\n", lines) + "\n\n";
        }

        private static String check(String what, boolean met) {
            return "- " + what + ": " + (met ? "met" : "MISSED");
        }

        private static Result result(Run run, String scenario) {
            return run.results().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow();
        }
    }
}

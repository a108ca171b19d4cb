package io.backstory.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.backstory.mail.MailParts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two packaged instances on one PostgreSQL behind nginx, started as production starts them (the environment
 * variables of docker/docker-compose.yml) with nginx running docker/proxy/nginx.conf itself, only the upstream and
 * listen addresses replaced. Each test shows one thing two instances must get right; the last kills one under load.
 */
class TwoInstancesIT {

    /** The proxy's port: the realm lists {@code http://localhost:8082/*} as a place to return to after login. */
    private static final int PROXY_PORT = 8082;
    private static final String PUBLIC_URL = "http://localhost:" + PROXY_PORT;
    private static final Duration CACHE_TTL = Duration.ofSeconds(3);
    private static final Duration CLEAN_UP_EVERY = Duration.ofSeconds(2);
    private static final int PREVIEWS_PER_MINUTE = 10;
    private static final Path WORK = Path.of("target/two-instances");
    /** Where the proxy serves Keycloak in this test (the test's Keycloak itself holds 8180). */
    private static final int KEYCLOAK_PROXY_PORT = freePort();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedPostgres postgres;
    /** The SMTP server both instances send to, as production's two replicas share one relay. */
    private static GreenMail smtp;
    private static Instance first;
    private static Instance second;
    private static Process nginx;

    /** One app instance: the packaged jar in the prod profile, on its own ports, logging to its own file. */
    private record Instance(String name, int port, int managementPort, Process process) {

        static Instance start(String name, int port, int managementPort) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment(name, port, managementPort));
            return new Instance(name, port, managementPort, builder.start());
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        void awaitReady() throws Exception {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                assertTrue(process.isAlive(), name + " exited:\n" + logTail());
                try {
                    if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new AssertionError(name + " not ready within 3 minutes:\n" + logTail());
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(WORK.resolve(name + ".log"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    /** What docker/docker-compose.yml gives each replica, pointed at this test's database, Keycloak and proxy. */
    private static Map<String, String> environment(String name, int port, int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakServer.REALM_URL);
        env.put("QUARKUS_OIDC_CLIENT_ID", "backstory");
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", KeycloakServer.clientSecret());
        env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "two-instances-session-secret-0123456789abcdef");
        env.put("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", "two-instances-login-state-secret-0123456789");
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        env.put("BACKSTORY_PUBLIC_URL", PUBLIC_URL);
        // Shorter than production's, so the test can watch several periods.
        env.put("BACKSTORY_CACHE_TTL", CACHE_TTL.toSeconds() + "s");
        env.put("BACKSTORY_JOBS_RATE_LIMIT_CLEAN_UP_EVERY", CLEAN_UP_EVERY.toSeconds() + "s");
        env.put("BACKSTORY_LIMITS_PREVIEWS_PER_MINUTE", Integer.toString(PREVIEWS_PER_MINUTE));
        // The load writes far more than one member would; the hourly limits and new-member review have own tests.
        env.put("BACKSTORY_LIMITS_POSTS_PER_HOUR", "100000");
        env.put("BACKSTORY_LIMITS_COMMENTS_PER_HOUR", "100000");
        env.put("BACKSTORY_LIMITS_VOTES_PER_HOUR", "100000");
        env.put("BACKSTORY_TRUST_REVIEW_NEW_MEMBERS", "false");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        // The name each instance greets the SMTP server with (HELO), which the server writes into each mail it takes.
        env.put("QUARKUS_MAILER_OWN_HOST_NAME", name + ".instances.test");
        // Each instance looks for due mail every second, so both are at the outbox at once.
        env.put("BACKSTORY_MAIL_POLL", "1s");
        return env;
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true).start();
        KeycloakServer.ensureRunning();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Both at once: the two migrate the same empty database together, as two replicas do on a first deployment.
        first = Instance.start("first", freePort(), freePort());
        second = Instance.start("second", freePort(), freePort());
        first.awaitReady();
        second.awaitReady();
        nginx = startNginx();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : new Process[] { nginx, first == null ? null : first.process(),
                second == null ? null : second.process() }) {
            if (process != null) {
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aPostWrittenThroughOneInstanceIsSeenThroughTheOtherAtOnceCachedListsIncluded() throws Exception {
        String bob = KeycloakServer.token("bob");
        // Both instances hold the condition page's list in their read-model cache.
        for (Instance instance : List.of(first, second)) {
            get(instance.url("/conditions/sciatica"), null);
            get(instance.url("/conditions/sciatica"), null);
        }
        String title = "Seen on both instances " + UUID.randomUUID();
        long post = createPost(first.url(""), bob, title);
        HttpResponse<String> postPage = get(second.url("/posts/" + post), null);
        assertEquals(200, postPage.statusCode());
        assertTrue(postPage.body().contains(title), "the other instance shows the new post at once");
        for (Instance instance : List.of(first, second)) {
            assertTrue(get(instance.url("/conditions/sciatica"), null).body().contains(title),
                    instance.name() + " replaced its cached list at once");
        }
    }

    @Test
    void voteTalliesOnCachedPagesCatchUpOnBothInstancesWithinTheCacheLifetime() throws Exception {
        long post = createPost(first.url(""), KeycloakServer.token("bob"), "Tallies on both instances " + UUID.randomUUID());
        for (Instance instance : List.of(first, second)) {
            assertEquals("0 points", pointsOnConditionPage(instance, post), instance.name());
        }
        HttpResponse<String> vote = send("PUT", first.url("/api/v1/posts/" + post + "/vote"), KeycloakServer.token("alice"),
                "{\"value\": 1}");
        assertEquals(200, vote.statusCode(), vote.body());
        long voted = System.nanoTime();
        Map<String, Long> lag = new LinkedHashMap<>();
        for (Instance instance : List.of(first, second)) {
            while (!"1 point".equals(pointsOnConditionPage(instance, post))) {
                // The lifetime, plus room for the requests themselves on a busy machine.
                assertTrue(System.nanoTime() - voted < CACHE_TTL.plusSeconds(2).toNanos(),
                        instance.name() + " still shows the old tally after the cache lifetime");
                Thread.sleep(50);
            }
            lag.put(instance.name(), (System.nanoTime() - voted) / 1_000_000);
        }
        System.out.printf("Two instances: a vote reached both cached condition pages after %s ms (cache lifetime %d s)%n",
                lag, CACHE_TTL.toSeconds());
    }

    @Test
    void aMemberLoggedInThroughOneInstanceStaysLoggedInThroughTheOtherAndItsFormsWorkThere() throws Exception {
        long post = createPost(first.url(""), KeycloakServer.token("alice"), "Comment across instances " + UUID.randomUUID());
        Map<String, String> cookies = browserLogin("bob");
        assertTrue(cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")), "session cookie: " + cookies.keySet());
        for (Instance instance : List.of(first, second)) {
            HttpResponse<String> home = get(instance.url("/settings"), cookies);
            assertEquals(200, home.statusCode(), instance.name() + " knows the session");
            assertTrue(Jsoup.parse(home.body()).select("a.handle").text().startsWith("bob"), instance.name());
        }
        // The comment form comes from one instance and is sent to the other: the CSRF binding is shared too.
        HttpResponse<String> page = get(first.url("/posts/" + post), cookies);
        cookies.putAll(setCookies(page));
        Element form = Jsoup.parse(page.body()).selectFirst("form[action='/posts/" + post + "/comments']");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element hidden : form.select("input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.val());
        }
        String text = "Sent to the other instance " + UUID.randomUUID();
        fields.put("body", text);
        HttpRequest comment = HttpRequest.newBuilder(URI.create(second.url("/posts/" + post + "/comments")))
                .timeout(Duration.ofSeconds(10)).header("Cookie", cookieHeader(cookies)).header("Origin", PUBLIC_URL)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))).build();
        HttpResponse<String> sent = HTTP.send(comment, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(1, count("select count(*) from comment where post_id = ? and body_markdown = ?", post, text));
    }

    @Test
    void aVerifiedLoginAddressGetsEachMailOnceThoughBothInstancesSendFromOneOutbox() throws Exception {
        // The address comes from the login itself: Keycloak's verified email claim, taken at the web login.
        long post = createPost(first.url(""), KeycloakServer.token("bob"), "Replies mailed from two instances " + UUID.randomUUID());
        long bob = count("select author_id from post where id = ?", post);
        Map<String, String> cookies = browserLogin("bob");
        String address = KeycloakServer.email("bob");
        assertEquals(1, count("select count(*) from mail_recipient where member_id = ? and address = ? and stopped_at is null",
                bob, address), "the login's verified address became bob's mail address");
        HttpResponse<String> settings = get(first.url("/settings/mail"), cookies);
        assertTrue(Jsoup.parse(settings.body()).text().contains(address), "bob sees his address in his settings");
        // Replies are mailed at once by default. Posted one by one, one instance's worker can keep up with them alone
        // and the other finds nothing due (seen: 40 of 40 sent by one instance). So bob hears of no reply while alice
        // writes them; then, in one transaction, he asks for replies at once and their mails are queued as the app
        // queues them: a backlog of 120 that takes one worker longer to send than the one-second poll, so both share it.
        setReplyMail(bob, "NEVER");
        String alice = KeycloakServer.token("alice");
        int replies = 120;
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < replies; i++) {
            Instance through = i % 2 == 0 ? first : second;
            HttpResponse<String> reply = send("POST", through.url("/api/v1/posts/" + post + "/comments"), alice,
                    "{\"body\": \"Reply number %d: short walks helped me too.\"}".formatted(i));
            assertEquals(201, reply.statusCode(), reply.body());
            expected.add("/posts/" + post + "#c" + reply.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
        }
        assertEquals(0, count("""
                select count(*) from mail_outbox o join notification n on n.id = o.notification_id
                where o.member_id = ? and n.post_id = ?""", bob, post), "no mail while bob chose none");
        try (Connection db = database()) {
            db.setAutoCommit(false);
            setReplyMail(db, bob, "AT_ONCE");
            try (PreparedStatement queue = db.prepareStatement("""
                    insert into mail_outbox (member_id, kind, notification_id)
                    select member_id, 'NOTIFICATION', id from notification where member_id = ? and post_id = ? and kind = 'REPLY'""")) {
                queue.setLong(1, bob);
                queue.setLong(2, post);
                assertEquals(replies, queue.executeUpdate());
            }
            db.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (repliesMailed(address, post).size() < replies && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // Room for a second copy to arrive, were an instance to send a mail the other sent already.
        Thread.sleep(3000);
        List<ReplyMail> mailed = repliesMailed(address, post);
        Map<String, Long> perReply = mailed.stream().collect(Collectors.groupingBy(ReplyMail::link, TreeMap::new, Collectors.counting()));
        Map<String, Long> perSender = mailed.stream().collect(Collectors.groupingBy(ReplyMail::sender, TreeMap::new, Collectors.counting()));
        System.out.printf("Two instances: %d reply mails queued, %d arrived at the SMTP server, %d distinct; sent by %s%n",
                replies, mailed.size(), perReply.size(), perSender);
        assertEquals(expected, perReply.keySet(), "a mail for every reply");
        assertTrue(perReply.values().stream().allMatch(copies -> copies == 1), "no mail twice: " + perReply);
        assertEquals(Set.of("first", "second"), perSender.keySet(), "both instances took mail from the one outbox");
        assertEquals(replies, count("""
                select count(*) from mail_outbox o join notification n on n.id = o.notification_id
                where o.member_id = ? and n.post_id = ? and o.status = 'SENT' and o.attempts = 1""", bob, post),
                "each outbox row sent by one attempt");
    }

    private static void setReplyMail(long member, String frequency) throws Exception {
        try (Connection db = database()) {
            setReplyMail(db, member, frequency);
        }
    }

    private static void setReplyMail(Connection db, long member, String frequency) throws Exception {
        try (PreparedStatement choice = db.prepareStatement(
                "update mail_choice set frequency = ? where member_id = ? and topic = 'REPLIES'")) {
            choice.setString(1, frequency);
            choice.setLong(2, member);
            assertEquals(1, choice.executeUpdate(), "bob's choice for replies");
        }
    }

    /** Logs {@code user} in with Chromium through the proxy and Keycloak's login form; returns the session's cookies. */
    private static Map<String, String> browserLogin(String user) {
        Map<String, String> cookies = new LinkedHashMap<>();
        try (Browser browser = Browser.open("two-instances")) {
            // Through the proxy: the login's steps land on either instance, round robin.
            browser.go(PUBLIC_URL + "/").clickAndWait("a[href='/login']");
            assertTrue(browser.url().startsWith(KeycloakServer.REALM_URL), "Keycloak's login page, not " + browser.url());
            browser.type("#username", user).type("#password", user).clickAndWait("#kc-login");
            if (!browser.findAll("#handle").isEmpty()) {
                browser.pickHandle(user);
            }
            for (Cookie cookie : browser.driver().manage().getCookies()) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }

    /** One reply mail as the SMTP server took it: the reply it links to, and the instance that sent it (its HELO name). */
    private record ReplyMail(String link, String sender) {
    }

    /** The reply mails about {@code post} that reached {@code address}. */
    private static List<ReplyMail> repliesMailed(String address, long post) throws MessagingException, IOException {
        List<ReplyMail> mails = new ArrayList<>();
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/posts/" + post + "#c\\d+");
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
                    && message.getSubject().startsWith("Someone replied")) {
                java.util.regex.Matcher found = link.matcher(MailParts.ofType(message, "text/plain"));
                if (found.find()) {
                    mails.add(new ReplyMail(found.group(), message.getHeader("Received")[0].replaceAll(".*HELO (\\w+)\\..*", "$1")));
                }
            }
        }
        return mails;
    }

    @Test
    void theProxyServesKeycloakToo() throws Exception {
        HttpResponse<String> discovery = get("http://127.0.0.1:" + KEYCLOAK_PROXY_PORT
                + "/realms/backstory/.well-known/openid-configuration", null);
        assertEquals(200, discovery.statusCode());
        assertTrue(discovery.body().contains("\"issuer\""), discovery.body());
    }

    @Test
    void rateLimitsAreCountedOnceForBothInstances() throws Exception {
        // The per-minute window must not turn over in the middle of the test.
        if (LocalTime.now().getSecond() > 45) {
            Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PREVIEWS_PER_MINUTE + 4; i++) {
            Instance instance = i % 2 == 0 ? first : second;
            statuses.add(rawPost("127.0.0.4", instance.port(), "/api/v1/screening", Map.of(), "{\"text\": \"Heat helps.\"}"));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < PREVIEWS_PER_MINUTE + 4; i++) {
            expected.add(i < PREVIEWS_PER_MINUTE ? 200 : 429);
        }
        assertEquals(expected, statuses, "one allowance across both instances, taken in turns");
    }

    @Test
    void clientAddressesComeFromTheProxysHeaderOnlyAForgedOneSentStraightToAnInstanceIsIgnored() throws Exception {
        String body = "{\"text\": \"Walking helps.\"}";
        assertEquals(200, rawPost("127.0.0.5", first.port(), "/api/v1/screening",
                Map.of("X-Forwarded-For", "198.51.100.23", "Forwarded", "for=198.51.100.25"), body));
        assertEquals(200, rawPost("127.0.0.6", PROXY_PORT, "/api/v1/screening", Map.of("X-Forwarded-For", "198.51.100.24"), body));
        assertEquals(1, previewsCountedFor("127.0.0.5"), "straight to an instance: the connection's own address");
        assertEquals(1, previewsCountedFor("127.0.0.6"), "through the proxy: the client's address, as the proxy sent it");
        assertEquals(0, count("select count(*) from rate_limit_counter where bucket like '%198.51.100.%'"),
                "no forged address was counted");
    }

    @Test
    void theScheduledCleanUpRunsOncePerPeriodAcrossBothInstances() throws Exception {
        String marker = "expired-" + UUID.randomUUID();
        try (Connection db = database(); PreparedStatement plant = db.prepareStatement(
                "insert into rate_limit_counter (bucket, window_start, hits) values (?, now() - interval '3 days', 1)")) {
            for (int i = 0; i < 5; i++) {
                plant.setString(1, marker + "-" + i);
                plant.executeUpdate();
            }
        }
        long runsBefore = count("select runs from scheduled_job where name = 'rate-limit-clean-up'");
        long started = System.nanoTime();
        Set<String> runners = new TreeSet<>();
        while (System.nanoTime() - started < Duration.ofSeconds(12).toNanos()) {
            try (Connection db = database(); ResultSet r = db.createStatement()
                    .executeQuery("select last_instance from scheduled_job where name = 'rate-limit-clean-up'")) {
                if (r.next() && r.getString(1) != null) {
                    runners.add(r.getString(1));
                }
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long runs = count("select runs from scheduled_job where name = 'rate-limit-clean-up'") - runsBefore;
        System.out.printf("Two instances: the clean-up ran %d times in %.1f s (every %d s; runs by %s)%n", runs, seconds,
                CLEAN_UP_EVERY.toSeconds(), runners);
        assertEquals(0, count("select count(*) from rate_limit_counter where bucket like ?", marker + "%"),
                "the clean-up removed the expired counters");
        double periods = seconds / CLEAN_UP_EVERY.toSeconds();
        // Each instance alone would run it every period: twice as often together.
        assertTrue(runs <= periods + 1, runs + " runs in " + periods + " periods: more than once per period");
        assertTrue(runs >= periods / 1.5 - 1, runs + " runs in " + periods + " periods: too few");
    }

    private record Outcome(String what, long startedNanos, long endedNanos, int status) {
    }

    @Test
    void killingOneInstanceUnderLoadLosesNoAcknowledgedWriteAndReadersStayServed() throws Exception {
        String bob = KeycloakServer.token("bob");
        List<String> voters = List.of(KeycloakServer.token("alice"), KeycloakServer.token("admin"));
        long post = createPost(PUBLIC_URL, bob, "The post voted on while an instance dies " + UUID.randomUUID());
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Outcome> reads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Outcome> writes = new ConcurrentLinkedQueue<>();
        Map<String, Integer> postStatus = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int worker = 0; worker < 4; worker++) {
            int w = worker;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    long started = System.nanoTime();
                    if (w == 0) {
                        String title = "Failover post " + run + " number " + i;
                        int status = statusOf(() -> send("POST", PUBLIC_URL + "/api/v1/posts", bob, """
                                {"kind": "TIP", "title": "%s", "body": "Short walks, often.", "conditions": ["sciatica"]}"""
                                .formatted(title)));
                        postStatus.put(title, status);
                        writes.add(new Outcome("post", started, System.nanoTime(), status));
                    } else if (w == 1) {
                        int value = i % 4 < 2 ? 1 : -1;
                        String voter = voters.get(i % 2);
                        int status = statusOf(() -> send("PUT", PUBLIC_URL + "/api/v1/posts/" + post + "/vote",
                                voter, "{\"value\": " + value + "}"));
                        writes.add(new Outcome("vote", started, System.nanoTime(), status));
                    } else {
                        String path = w == 2 ? "/conditions/sciatica" : "/posts/" + post;
                        int status = statusOf(() -> get(PUBLIC_URL + path, null));
                        reads.add(new Outcome(path, started, System.nanoTime(), status));
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long killed = System.nanoTime();
        second.process().destroyForcibly(); // SIGKILL: no shutdown, connections cut mid-request
        Thread.sleep(5000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), "load threads hung");

        List<Outcome> readsAfter = reads.stream().filter(o -> o.endedNanos() > killed).toList();
        List<Outcome> failedReads = readsAfter.stream().filter(o -> o.status() != 200).toList();
        List<Outcome> failedWrites = writes.stream().filter(o -> o.endedNanos() > killed && o.status() / 100 != 2).toList();
        long gapMillis = longestGapBetweenServedReads(reads, killed) / 1_000_000;
        long slowestReadMillis = readsAfter.stream().mapToLong(o -> o.endedNanos() - o.startedNanos()).max().orElse(0) / 1_000_000;
        int acknowledged = 0;
        int unacknowledgedButStored = 0;
        for (Map.Entry<String, Integer> sent : postStatus.entrySet()) {
            int stored = (int) count("select count(*) from post where title = ?", sent.getKey());
            if (sent.getValue() == 201) {
                acknowledged++;
                assertEquals(1, stored, "acknowledged but lost: " + sent.getKey());
            } else {
                assertTrue(stored <= 1, "written twice: " + sent.getKey());
                unacknowledgedButStored += stored;
            }
        }
        System.out.printf("Two instances, one killed under load: %d reads after the kill, %d failed; longest wait between "
                + "served reads %d ms, slowest read %d ms; %d writes after the kill failed (%s); %d of %d posts "
                + "acknowledged, all stored; %d unacknowledged posts were stored anyway; lost writes: 0%n",
                readsAfter.size(), failedReads.size(), gapMillis, slowestReadMillis, failedWrites.size(),
                failedWrites.stream().map(o -> o.what() + " " + o.status()).collect(Collectors.joining(", ")),
                acknowledged, postStatus.size(), unacknowledgedButStored);
        assertEquals(List.of(), failedReads, "the proxy retries reads on the surviving instance");
        assertTrue(acknowledged > 0, "the load wrote posts");
        assertEquals(count("select count(*) from post_vote where post_id = ? and value = 1", post),
                count("select upvotes from post where id = ?", post), "upvote tally equals the vote rows");
        assertEquals(count("select count(*) from post_vote where post_id = ? and value = -1", post),
                count("select downvotes from post where id = ?", post), "downvote tally equals the vote rows");

        long restarting = System.nanoTime();
        second = Instance.start(second.name(), second.port(), second.managementPort());
        second.awaitReady();
        System.out.printf("Two instances: the killed instance was back in %d ms%n", (System.nanoTime() - restarting) / 1_000_000);
    }

    /** The longest stretch without a served read, from a second before the kill on. */
    private static long longestGapBetweenServedReads(ConcurrentLinkedQueue<Outcome> reads, long killed) {
        List<Long> served = reads.stream().filter(o -> o.status() == 200 && o.endedNanos() > killed - 1_000_000_000L)
                .map(Outcome::endedNanos).sorted().toList();
        long longest = 0;
        for (int i = 1; i < served.size(); i++) {
            longest = Math.max(longest, served.get(i) - served.get(i - 1));
        }
        return longest;
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** The answer's status, or 0 when the connection failed. */
    private static int statusOf(Call call) {
        try {
            return call.send().statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String pointsOnConditionPage(Instance instance, long post) throws Exception {
        Document page = Jsoup.parse(get(instance.url("/conditions/sciatica"), null).body());
        Element item = page.selectFirst("a.title[href='/posts/" + post + "']");
        assertTrue(item != null, "post " + post + " is on the condition page of " + instance.name());
        String meta = item.parent().selectFirst(".meta").text();
        return meta.replaceAll("(?s).*?(\\d+ points?).*", "$1");
    }

    private static long previewsCountedFor(String address) throws SQLException {
        return count("select coalesce(sum(hits), 0) from rate_limit_counter where bucket = ?",
                "screening-preview:address:" + address);
    }

    private static long createPost(String baseUrl, String token, String title) throws Exception {
        HttpResponse<String> response = send("POST", baseUrl + "/api/v1/posts", token, """
                {"kind": "TIP", "title": "%s", "body": "Short walks, often.", "conditions": ["sciatica"]}""".formatted(title));
        assertEquals(201, response.statusCode(), response.body());
        return Long.parseLong(response.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private static HttpResponse<String> get(String url, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookies != null) {
            request.header("Cookie", cookieHeader(cookies));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A JSON POST over a connection from {@code sourceAddress} (any of 127.0.0.0/8 is this host), which only the
     * instance's own view of the connection can know: Java's HTTP client cannot choose it.
     */
    private static int rawPost(String sourceAddress, int port, String path, Map<String, String> headers, String json)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static Map<String, String> setCookies(HttpResponse<?> response) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return cookies;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** nginx from Debian's package running the shipped config; only its addresses and file locations differ. */
    private static Process startNginx() throws Exception {
        Path dir = WORK.resolve("nginx").toAbsolutePath();
        Files.createDirectories(dir);
        String shipped = Files.readString(Path.of("docker/proxy/nginx.conf"));
        String files = "\n    access_log " + dir + "/access.log;\n"
                + List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi").stream()
                        .map(temp -> "    " + temp + "_temp_path " + dir + "/" + temp + ";\n").collect(Collectors.joining());
        String config = replaceOnce(replaceOnce(replaceOnce(replaceOnce(replaceOnce(replaceOnce(shipped,
                "server app1:8080", "server 127.0.0.1:" + first.port()),
                "server app2:8080", "server 127.0.0.1:" + second.port()),
                "listen 8080;", "listen 127.0.0.1:" + PROXY_PORT + ";"),
                "server keycloak:8080", "server 127.0.0.1:" + KeycloakServer.PORT),
                "listen 8180;", "listen 127.0.0.1:" + KEYCLOAK_PROXY_PORT + ";"),
                "http {", "http {" + files);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        String root = "root".equals(System.getProperty("user.name")) ? " user root;" : "";
        Process process = new ProcessBuilder(System.getProperty("nginx.binary", "/usr/sbin/nginx"), "-p", dir.toString(), "-c", file.toString(), "-e",
                dir.resolve("error.log").toString(), "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";" + root)
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "nginx exited:\n" + Files.readString(dir.resolve("output.log")));
            try {
                if (get(PUBLIC_URL + "/", null).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not answer on " + PUBLIC_URL);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertTrue(text.contains(target), "docker/proxy/nginx.conf no longer contains '" + target + "'");
        return text.replace(target, replacement);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

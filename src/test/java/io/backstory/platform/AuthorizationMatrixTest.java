package io.backstory.platform;

import static io.backstory.platform.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.backstory.moderation.model.ScreeningModels;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Who may call each mutating endpoint (API and page forms), checked for five kinds of caller against fresh content
 * owned by bob. Every POST, PUT, PATCH and DELETE in the code must have a row: a new endpoint without one fails the
 * build until someone decides who may use it. Every page endpoint also meets the forgeries another site could send
 * (the CSRF columns, {@link Forgery}).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /**
     * The callers: carol is a plain member who does not own the content; bob owns it. The realm's own users, not fresh
     * ones (TestUsers.newMember()): the matrix proves the roles exactly as the realm (application.properties) gives
     * them. Other tests only read their profiles or simulate them (@TestSecurity).
     */
    enum Caller {
        ANONYMOUS(null), MEMBER("carol"), OWNER("bob"), MODERATOR("alice"), ADMIN("admin");

        final String user;

        Caller(String user) {
            this.user = user;
        }
    }

    /** Who gets past the checks; everyone else must be refused (401, 403, or the redirect to log in or keep the text). */
    enum Access {
        /** The screening preview: what the new-post form shows live, rate-limited per address. */
        ANYONE(EnumSet.allOf(Caller.class)),
        LOGGED_IN(EnumSet.of(Caller.MEMBER, Caller.OWNER, Caller.MODERATOR, Caller.ADMIN)),
        /** Votes and flags: members, but not on their own content. */
        NOT_OWNER(EnumSet.of(Caller.MEMBER, Caller.MODERATOR, Caller.ADMIN)),
        OWNER(EnumSet.of(Caller.OWNER)),
        MODERATORS(EnumSet.of(Caller.MODERATOR, Caller.ADMIN));

        final Set<Caller> allowed;

        Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }
    }

    static final Map<String, Row> MATRIX = Map.ofEntries(
            // community: posts and comments
            row("POST /posts", Access.LOGGED_IN),
            row("POST /posts/preview", Access.LOGGED_IN),
            row("POST /posts/{id}/edit", Access.OWNER, "kind=QUESTION&title=Does+heat+help+a+spasm+today&body=Edited.&condition=muscle-spasm&version=0"),
            row("POST /posts/{id}/delete", Access.OWNER),
            row("POST /posts/{id}/accepted-answer", Access.OWNER, "commentId={answer}"),
            row("POST /posts/{id}/comments", Access.LOGGED_IN),
            row("POST /posts/{id}/comments/preview", Access.LOGGED_IN),
            row("POST /comments/{id}/edit", Access.OWNER, "body=Edited+detail.&version=0"),
            row("POST /comments/{id}/delete", Access.OWNER),
            row("POST /api/v1/posts", Access.LOGGED_IN),
            row("PUT /api/v1/posts/{id}", Access.OWNER, "{\"kind\": \"QUESTION\", \"title\": \"Does heat help a spasm today?\", \"body\": \"Edited.\", \"conditions\": [\"muscle-spasm\"], \"version\": 0}"),
            row("DELETE /api/v1/posts/{id}", Access.OWNER),
            row("PUT /api/v1/posts/{id}/accepted-answer", Access.OWNER, "{\"commentId\": {answer}}"),
            row("DELETE /api/v1/posts/{id}/accepted-answer", Access.OWNER),
            row("POST /api/v1/posts/{id}/comments", Access.LOGGED_IN),
            row("PUT /api/v1/comments/{id}", Access.OWNER, "{\"body\": \"Edited detail.\", \"version\": 0}"),
            row("DELETE /api/v1/comments/{id}", Access.OWNER),
            // voting
            row("POST /posts/{id}/vote", Access.NOT_OWNER, "value=1"),
            row("POST /comments/{id}/vote", Access.NOT_OWNER, "value=1&postId={post}"),
            row("POST /posts/{id}/comment-votes", Access.NOT_OWNER, "u{comment}="),
            row("PUT /api/v1/posts/{id}/vote", Access.NOT_OWNER, "{\"value\": 1}"),
            row("DELETE /api/v1/posts/{id}/vote", Access.NOT_OWNER),
            row("PUT /api/v1/comments/{id}/vote", Access.NOT_OWNER, "{\"value\": 1}"),
            row("DELETE /api/v1/comments/{id}/vote", Access.NOT_OWNER),
            // moderation: flags by members, decisions and rules by moderators
            row("POST /posts/{id}/flag", Access.NOT_OWNER, "reason=SPAM"),
            row("POST /comments/{id}/flag", Access.NOT_OWNER, "reason=SPAM&postId={post}"),
            row("POST /api/v1/posts/{id}/flags", Access.NOT_OWNER, "{\"reason\": \"SPAM\"}"),
            row("POST /api/v1/comments/{id}/flags", Access.NOT_OWNER, "{\"reason\": \"SPAM\"}"),
            row("POST /api/v1/screening", Access.ANYONE),
            row("POST /moderation/items/{id}", Access.MODERATORS),
            row("POST /moderation/decisions/{batch}/undo", Access.MODERATORS),
            row("POST /moderation/spam", Access.MODERATORS),
            row("POST /api/v1/moderation/items/{id}/actions", Access.MODERATORS),
            row("POST /moderation/rules", Access.MODERATORS),
            row("POST /api/v1/moderation/rules", Access.MODERATORS),
            row("PUT /api/v1/moderation/rules/{code}", Access.MODERATORS),
            row("POST /api/v1/moderation/rules/test", Access.MODERATORS),
            row("POST /moderation/screening/retrain", Access.MODERATORS),
            row("POST /moderation/screening/versions/{id}/use", Access.MODERATORS),
            // taxonomy
            row("POST /tags/suggest", Access.LOGGED_IN),
            row("POST /api/v1/tag-suggestions", Access.LOGGED_IN),
            row("POST /moderation/tags/{id}", Access.MODERATORS),
            row("POST /api/v1/tag-suggestions/{id}/decision", Access.MODERATORS),
            row("POST /conditions/{slug}/edit", Access.MODERATORS),
            row("POST /remedies/{slug}/edit", Access.MODERATORS),
            row("POST /api/v1/conditions", Access.MODERATORS),
            row("PUT /api/v1/conditions/{slug}", Access.MODERATORS),
            row("POST /api/v1/remedies", Access.MODERATORS),
            row("PUT /api/v1/remedies/{slug}", Access.MODERATORS),
            // following, notifications, the member's own account
            row("POST /conditions/{slug}/follow", Access.LOGGED_IN),
            row("POST /posts/{id}/bookmark", Access.LOGGED_IN),
            row("PUT /api/v1/conditions/{slug}/follow", Access.LOGGED_IN),
            row("DELETE /api/v1/conditions/{slug}/follow", Access.LOGGED_IN),
            row("PUT /api/v1/posts/{id}/bookmark", Access.LOGGED_IN),
            row("DELETE /api/v1/posts/{id}/bookmark", Access.LOGGED_IN),
            row("POST /notifications/read", Access.LOGGED_IN),
            row("POST /settings/handle", Access.LOGGED_IN),
            row("POST /settings/mail/choices", Access.LOGGED_IN, "replies=AT_ONCE&acceptedAnswers=NEVER&moderation=DAILY&newPosts=WEEKLY"),
            row("POST /settings/mail/address", Access.LOGGED_IN, "address=matrix%40mail.test"),
            // The link mailed to a new address: its signature, not a login, authorises it (a forged one is a 400 for all).
            row("POST /mail/verify", Access.ANYONE, "member=1&until=0&sig=forged"),
            row("PUT /api/v1/me/handle", Access.LOGGED_IN),
            row("POST /settings/delete", Access.LOGGED_IN),
            row("DELETE /api/v1/me", Access.LOGGED_IN),
            // drafts: each member reaches only their own (DraftsTest); a form sent after the login ran out reaches the
            // lapsed-session endpoint as a visitor's, which keeps it only for the member its owner seal names
            row("POST /drafts", Access.LOGGED_IN, "draft-form=/posts/new&body=Half+a+sentence"),
            row("POST /drafts/{id}/discard", Access.LOGGED_IN),
            row("POST /drafts/lapsed", Access.ANYONE));

    /**
     * A row: who may call, and a request body that passes validation where the check that matters (ownership, own
     * content) comes after it. Without one, allowed callers are stopped by validation, so nothing changes.
     * Placeholders: {post}, {comment} (bob's), {answer} (alice's comment on bob's question).
     */
    record Row(Access access, String body) {
    }

    private static Map.Entry<String, Row> row(String endpoint, Access access, String body) {
        return Map.entry(endpoint, new Row(access, body));
    }

    private static Map.Entry<String, Row> row(String endpoint, Access access) {
        return row(endpoint, access, null);
    }

    @Test
    void everyMutatingEndpointHasARow() throws IOException {
        Set<String> endpoints = mutatingEndpoints();
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(MATRIX.keySet());
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(endpoints);
        assertTrue(missing.isEmpty(), "decide who may call these and add them to the matrix: " + missing);
        assertTrue(stale.isEmpty(), "the matrix names endpoints that no longer exist: " + stale);
        assertTrue(endpoints.size() >= 50, "found only " + endpoints.size() + " endpoints");
    }

    @TestFactory
    Stream<DynamicTest> eachCallerIsAllowedOrRefusedAsTheMatrixSays() {
        return MATRIX.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(row -> Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                        row.getKey() + " as " + caller, () -> check(row.getKey(), row.getValue(), caller))));
    }

    private void check(String endpoint, Row row, Caller caller) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        Fixture content = Fixture.create();
        String path = content.fill(template);
        boolean api = path.startsWith("/api/");
        String body = row.body() == null ? (api ? "{}" : "") : content.fill(row.body());
        RequestSpecification request = (caller.user == null ? given() : as(caller.user)).redirects().follow(false);
        if (api) {
            request.contentType(ContentType.JSON).body(body);
        } else {
            // Real CSRF fields of this caller, so a refusal can only come from the access checks.
            PageForms.Csrf csrf = csrf(caller);
            request.contentType(ContentType.URLENC).cookie("csrf-token", csrf.cookie())
                    .body((body.isEmpty() ? "" : body + "&") + csrf.formBody());
        }
        Response response = request.request(method, path);
        int status = response.statusCode();
        // A visitor's page form goes to the login (302), or, a form that could be a member's whose login ran out, to
        // the lapsed-session page that keeps its text (307, drafts/LapsedSessions).
        boolean toLogin = status == 302 || status == 307 && "/drafts/lapsed".equals(response.getHeader("Location"));
        boolean refused = status == 401 || status == 403 || (toLogin && caller == Caller.ANONYMOUS && !api);
        String what = method + " " + path + " as " + caller + " answered " + status + ": " + response.asString();
        assertTrue(status < 500, what);
        assertEquals(!row.access().allowed.contains(caller), refused, what);
    }

    /**
     * The CSRF columns: what another site can make a member's browser send, by a caller the matrix allows. Each is
     * refused by a CSRF check (not by validation or access checks) and changes nothing in the database.
     */
    enum Forgery {
        /** {@code fetch(url, {method: 'POST', mode: 'no-cors', credentials: 'include'})}: no body, no Content-Type. */
        NO_TOKEN_EMPTY_BODY,
        /** A form posted from another site: the member's cookies, a form body, no token. */
        NO_TOKEN_FORM_BODY,
        /** Another member's own valid cookie and form fields, planted in this member's browser. */
        ANOTHER_SESSIONS_TOKEN,
        /** This member's valid cookie and fields, but sent from another origin. */
        CROSS_ORIGIN,
        /** Another port of the same host (same site): the browser says so even where it sends no Origin. */
        SAME_SITE_FETCH
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingPageRequestIsRefusedWithoutItsOwnSessionsTokenFromThisSite() {
        return MATRIX.entrySet().stream().filter(row -> !row.getKey().contains(" /api/")).sorted(Map.Entry.comparingByKey())
                .flatMap(row -> Stream.of(Forgery.values()).map(forgery -> DynamicTest.dynamicTest(
                        row.getKey() + " " + forgery, () -> forge(row.getKey(), row.getValue(), forgery))));
    }

    @Inject
    DataSource dataSource;
    @Inject
    ScreeningModels models;

    /** The moderators' rows retrain the screening model: the shipped version goes back in use, as other tests expect. */
    @AfterEach
    void shippedScreeningModelInUse() throws SQLException {
        try (Connection db = dataSource.getConnection(); ResultSet row = db.createStatement()
                .executeQuery("select id from screening_model_version where trained_for = 'SHIPPED'")) {
            row.next();
            models.use(row.getLong(1), null);
        }
    }

    private void forge(String endpoint, Row row, Forgery forgery) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        // A caller the matrix allows, so that only the CSRF check can stand in the way.
        Caller caller = Stream.of(Caller.OWNER, Caller.MEMBER, Caller.MODERATOR).filter(row.access().allowed::contains)
                .findFirst().orElseThrow();
        Caller other = caller == Caller.OWNER ? Caller.MEMBER : Caller.OWNER;
        Fixture content = Fixture.create();
        String path = content.fill(endpoint.substring(endpoint.indexOf(' ') + 1));
        String body = row.body() == null ? "note=forged" : content.fill(row.body());
        PageForms.Csrf own = csrf(caller);
        PageForms.Csrf others = csrf(other);
        String before = databaseDigest();
        int status;
        String answer;
        if (forgery == Forgery.NO_TOKEN_EMPTY_BODY) {
            // Sent raw: REST Assured adds a Content-Type of its own.
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + TestUsers.token(caller.user))
                    .header("Cookie", "csrf-token=" + own.cookie()).build(), HttpResponse.BodyHandlers.ofString());
            status = sent.statusCode();
            answer = sent.body();
        } else {
            PageForms.Csrf sentCsrf = forgery == Forgery.ANOTHER_SESSIONS_TOKEN ? others : own;
            String fields = forgery == Forgery.NO_TOKEN_FORM_BODY ? body : body + "&" + sentCsrf.formBody();
            RequestSpecification request = as(caller.user).redirects().follow(false).contentType(ContentType.URLENC)
                    .cookie("csrf-token", sentCsrf.cookie()).body(fields);
            if (forgery == Forgery.CROSS_ORIGIN) {
                request.header("Origin", "http://evil.example");
            } else if (forgery == Forgery.SAME_SITE_FETCH) {
                request.header("Sec-Fetch-Site", "same-site");
            }
            Response response = request.request(method, path);
            status = response.statusCode();
            answer = response.asString();
        }
        String what = endpoint + " as " + caller + ", " + forgery + ", answered " + status + ": " + answer;
        // Refused by the CSRF checks, not by validation: ours (403, its page) or quarkus-rest-csrf's (a bare 400).
        assertTrue(status == 403 && answer.contains("was not sent from a Backstory page")
                || status == 400 && answer.isEmpty(), what);
        assertEquals(before, databaseDigest(), "the database changed: " + what);
    }

    /**
     * Row count and an order-free hash of every row of every table (aside: rate-limit counters, and the record of
     * scheduled jobs, which run on their own timer).
     */
    private String databaseDigest() throws SQLException {
        StringBuilder digest = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    select table_name from information_schema.tables where table_schema = 'public'
                    and table_type = 'BASE TABLE'
                    and table_name not in ('rate_limit_counter', 'scheduled_job', 'flyway_schema_history')
                    order by table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                // The outbox's status columns change whenever the mail worker sends, whatever a request did: its rows count.
                String row = table.equals("mail_outbox") ? "(t.id, t.member_id, t.kind)" : "t";
                try (ResultSet rows = statement.executeQuery("select count(*), coalesce(sum(hashtext(" + row + "::text)::bigint), 0) from "
                        + table + " t")) {
                    rows.next();
                    digest.append(table).append(':').append(rows.getLong(1)).append('/').append(rows.getLong(2)).append(' ');
                }
            }
        }
        return digest.toString();
    }

    private static final Map<Caller, PageForms.Csrf> CSRF = new java.util.concurrent.ConcurrentHashMap<>();

    /** The CSRF cookie and fields of a form the caller sees (anonymous callers are refused before the CSRF check). */
    private static PageForms.Csrf csrf(Caller caller) {
        if (caller.user == null) {
            // A visitor's real fields, from the one page form visitors can send (confirming an address from a mail link).
            return CSRF.computeIfAbsent(caller, c -> PageForms.csrf(null, "/mail/verify?member=1&until=0&sig=x", "/mail/verify"));
        }
        return CSRF.computeIfAbsent(caller, c -> PageForms.csrf(c.user, "/settings", "/settings/handle"));
    }

    /** Fresh content for each call: a question by bob, a comment by bob and an answer by alice. */
    private record Fixture(long post, long comment, long answer) {

        static Fixture create() {
            long post = ((Number) as("bob").contentType(ContentType.JSON).body("""
                    {"kind": "QUESTION", "title": "Does heat help a spasm?", "body": "Asking for the matrix.", "conditions": ["muscle-spasm"]}""")
                    .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
            return new Fixture(post, comment("bob", post), comment("alice", post));
        }

        private static long comment(String user, long post) {
            return ((Number) as(user).contentType(ContentType.JSON).body("{\"body\": \"A detail: short walks.\"}")
                    .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id")).longValue();
        }

        String fill(String template) {
            String id = template.contains("/comments/{id}") ? Long.toString(comment)
                    : template.startsWith("/posts/") || template.startsWith("/api/v1/posts/") ? Long.toString(post)
                    : "999999999"; // review items, tag suggestions: the role check comes before the lookup
            return template.replace("{id}", id).replace("{post}", Long.toString(post))
                    .replace("{comment}", Long.toString(comment)).replace("{answer}", Long.toString(answer))
                    .replace("{slug}", template.contains("remedies") ? "heat" : "sciatica").replace("{code}", "no-such-rule")
                    .replace("{batch}", "999999999");
        }
    }

    /** "METHOD /path" of every POST, PUT, PATCH and DELETE resource method in the application. */
    static Set<String> mutatingEndpoints() throws IOException {
        Path classes = Path.of("target/classes");
        Set<String> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/backstory"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base != null) {
                    addEndpoints(type, "/" + base.value(), endpoints);
                }
            }
        }
        return endpoints;
    }

    /** A resource's verbs, its inherited ones too, and those of the sub-resources its locators lead to. */
    private static void addEndpoints(Class<?> type, String base, Set<String> endpoints) {
        for (Method m : type.getMethods()) {
            if (!m.getDeclaringClass().getName().startsWith("io.backstory")) {
                continue;
            }
            String verb = m.isAnnotationPresent(jakarta.ws.rs.POST.class) ? "POST"
                    : m.isAnnotationPresent(jakarta.ws.rs.PUT.class) ? "PUT"
                    : m.isAnnotationPresent(jakarta.ws.rs.DELETE.class) ? "DELETE"
                    : m.isAnnotationPresent(jakarta.ws.rs.PATCH.class) ? "PATCH"
                    : m.isAnnotationPresent(jakarta.ws.rs.GET.class) ? "GET" : null;
            jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
            String path = (base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
            path = path.length() > 1 ? path.replaceAll("/$", "") : path;
            if (verb == null && sub != null) {
                addEndpoints(m.getReturnType(), path, endpoints);
            } else if (verb != null && !verb.equals("GET")) {
                endpoints.add(verb + " " + path);
            }
        }
    }
}

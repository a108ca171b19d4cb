package io.backstory.platform;

import static io.backstory.platform.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every page form's text fields, each at its documented maximum, one character over it, blank, invisible-only and
 * with a control character, through the real form endpoint with a real CSRF token. The maximum is saved and shown
 * whole (its last sentence is on the page that shows it); every refusal is a 4xx answering with the same form, the
 * member's text in it, and a message naming the field. A new page form with a text field and no row fails the build.
 */
@QuarkusTest
class PageFormLimitsTest {

    // Fresh members for each test (TestUsers), so no test sees what another left on them.
    private final String dora = TestUsers.newMember();
    private final String admin = TestUsers.newAdmin();

    /** The five texts each field is tried with. */
    enum Case {
        MAX, OVER, BLANK, INVISIBLE, CONTROL
    }

    /** What kind of text a field takes, to fill it with realistic content of an exact length. */
    enum Kind {
        /** Several paragraphs, any script: a story, a comment, a note. */
        PROSE,
        /** One line: titles and names. */
        LINE,
        /** Pattern lines of the rule language: lowercase words, one phrase per line. */
        PATTERNS,
        /** Handles: letters, digits, '_' and '-'. */
        HANDLE,
        /** E-mail addresses. */
        ADDRESS
    }

    /** A form ready to be sent: where it is, who sends it, where it posts, and its other fields. */
    record Target(String user, String formPage, String action, Map<String, Object> fields, Function<Response, Document> shown) {

        /** The form on {@code formPage} whose CSRF token is sent: the one posting to {@code action}, or for a live preview its form. */
        String tokenForm() {
            return action.replaceAll("/preview$", "");
        }
    }

    /** One text field of one page form; {@code prepare} makes fresh content for each try, so no try depends on another. */
    record Row(String endpoint, String field, Kind kind, int max, boolean required,
            BiFunction<Cast, String, Target> prepare) {
    }

    /** Who makes a row's content, fresh for each try: bob writes, carol answers and flags, alice moderates. */
    record Cast(String alice, String bob, String carol) {
    }

    /** A cast of its own for each try, so no try meets what another left on its members. */
    private static Cast cast() {
        return new Cast(TestUsers.newModerator(), TestUsers.newMember(), TestUsers.newMember());
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static final List<Row> ROWS = List.of(
            new Row("POST /posts", "body", Kind.PROSE, 40_000, true, (cast, tag) -> newPost(cast, Map.of("title", "Long story " + tag))),
            new Row("POST /posts", "title", Kind.LINE, 200, true, (cast, tag) -> newPost(cast, Map.of("body", "A short body for " + tag))),
            new Row("POST /posts/preview", "body", Kind.PROSE, 40_000, false, (cast, tag) -> new Target(cast.bob(), "/posts/new",
                    "/posts/preview", Map.of("title", "Checking a story " + tag), answer -> PageForms.html(answer))),
            new Row("POST /posts/{id}/edit", "body", Kind.PROSE, 40_000, true, (cast, tag) -> editPost(cast, tag, "title")),
            new Row("POST /posts/{id}/edit", "title", Kind.LINE, 200, true, (cast, tag) -> editPost(cast, tag, "body")),
            new Row("POST /posts/{id}/comments", "body", Kind.PROSE, 10_000, true, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Comment target " + tag);
                return new Target(cast.carol(), "/posts/" + post, "/posts/" + post + "/comments", Map.of(), PageForms::followed);
            }),
            new Row("POST /posts/{id}/comments/preview", "body", Kind.PROSE, 10_000, false, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Comment check target " + tag);
                return new Target(cast.carol(), "/posts/" + post, "/posts/" + post + "/comments/preview", Map.of(),
                        answer -> PageForms.html(answer));
            }),
            new Row("POST /posts/{id}/comments (reply)", "body", Kind.PROSE, 10_000, true, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Reply target " + tag);
                long comment = Fixtures.comment(cast.bob(), post, "A first comment to answer.");
                return new Target(cast.carol(), "/comments/" + comment + "/reply", "/posts/" + post + "/comments",
                        Map.of("parentId", comment), PageForms::followed);
            }),
            new Row("POST /comments/{id}/edit", "body", Kind.PROSE, 10_000, true, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Comment edit target " + tag);
                long comment = Fixtures.comment(cast.carol(), post, "Text before the edit.");
                return new Target(cast.carol(), "/comments/" + comment + "/edit", "/comments/" + comment + "/edit",
                        Map.of("version", 0), PageForms::followed);
            }),
            new Row("POST /posts/{id}/flag", "note", Kind.PROSE, 1_000, false, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Flag target " + tag);
                return new Target(cast.carol(), "/posts/" + post + "/flag", "/posts/" + post + "/flag", Map.of("reason", "OTHER_OK"),
                        answer -> reviewPageOf(cast, "post_id", post));
            }),
            new Row("POST /comments/{id}/flag", "note", Kind.PROSE, 1_000, false, (cast, tag) -> {
                long post = Fixtures.post(cast.bob(), "Comment flag target " + tag);
                long comment = Fixtures.comment(cast.bob(), post, "A comment someone flags.");
                return new Target(cast.carol(), "/comments/" + comment + "/flag?postId=" + post, "/comments/" + comment + "/flag",
                        Map.of("reason", "OTHER_OK", "postId", post), answer -> reviewPageOf(cast, "comment_id", comment));
            }),
            new Row("POST /tags/suggest", "name", Kind.LINE, 120, true, (cast, tag) -> suggestion(cast, Map.of("note", "Seen in threads " + tag))),
            new Row("POST /tags/suggest", "note", Kind.PROSE, 1_000, false, (cast, tag) -> suggestion(cast, Map.of("name", "Kinesio tape " + tag))),
            new Row("POST /settings/handle", "handle", Kind.HANDLE, 30, true, (cast, tag) -> {
                String user = "handle-" + tag.toLowerCase();
                return new Target(user, "/settings", "/settings/handle", Map.of(),
                        PageForms::followed);
            }),
            new Row("POST /settings/mail/address", "address", Kind.ADDRESS, 254, true, (cast, tag) -> {
                String user = "mailform-" + tag.toLowerCase();
                return new Target(user, "/settings/mail", "/settings/mail/address", Map.of(),
                        answer -> PageForms.html(TestUsers.as(user).when().get("/settings/mail")));
            }),
            new Row("POST /moderation/items/{id} (post)", "text", Kind.PROSE, 40_000, true, (cast, tag) -> moderatorEdit(cast, "post", tag)),
            new Row("POST /moderation/items/{id} (comment)", "text", Kind.PROSE, 10_000, true, (cast, tag) -> moderatorEdit(cast, "comment", tag)),
            new Row("POST /moderation/items/{id} (note)", "note", Kind.PROSE, 2_000, true, (cast, tag) -> {
                long post = Fixtures.heldPost(cast.bob(), "Held for a note " + tag);
                long item = Fixtures.reviewItem("post_id", post);
                return new Target(cast.alice(), "/moderation/items/" + item, "/moderation/items/" + item,
                        Map.of("action", "APPROVE_WITH_NOTE", "version", 0),
                        answer -> PageForms.html(io.restassured.RestAssured.given().when().get("/posts/" + post)));
            }),
            new Row("POST /moderation/rules", "patterns", Kind.PATTERNS, 20_000, true, (cast, tag) -> rule(cast, tag, "save", "patterns")),
            new Row("POST /moderation/rules", "notice", Kind.PROSE, 2_000, true, (cast, tag) -> rule(cast, tag, "save", "notice")),
            new Row("POST /moderation/rules (test)", "sample", Kind.PROSE, 40_000, true, (cast, tag) -> rule(cast, tag, "test", "sample")),
            new Row("POST /conditions/{slug}/edit", "description", Kind.PROSE, 2_000, true, (cast, tag) -> {
                String slug = Fixtures.condition(cast.alice(), tag);
                return new Target(cast.alice(), "/conditions/" + slug + "/edit", "/conditions/" + slug + "/edit",
                        Map.of("name", "Fixture " + tag), PageForms::followed);
            }),
            new Row("POST /remedies/{slug}/edit", "caution", Kind.PROSE, 2_000, false, (cast, tag) -> {
                String slug = Fixtures.remedy(cast.alice(), tag);
                return new Target(cast.alice(), "/remedies/" + slug + "/edit", "/remedies/" + slug + "/edit",
                        Map.of("name", "Fixture " + tag, "category", "DEVICE", "description", "A fixture remedy."),
                        PageForms::followed);
            }),
            new Row("POST /moderation/tags/{id}", "reason", Kind.PROSE, 1_000, false, (cast, tag) -> {
                long suggestion = Fixtures.suggestion(cast.bob(), "Kinesio tape " + tag);
                return new Target(cast.alice(), "/moderation/tags", "/moderation/tags/" + suggestion,
                        Map.of("decision", "reject"), answer -> org.jsoup.Jsoup.parse(
                                "<p>" + query("select reason from tag_suggestion where id = " + suggestion) + "</p>"));
            }));

    /**
     * Page forms that take no text a member types: nothing to measure. Drafts' saves and the lapsed-session endpoint
     * are no forms of their own: they take the writing forms' fields (from js/drafts.js, or re-sent by the browser
     * after a login ran out); their limits are the writing forms' (drafts/DraftsTest).
     */
    static final Set<String> WITHOUT_TEXT = Set.of("POST /posts/{id}/delete", "POST /posts/{id}/accepted-answer",
            "POST /comments/{id}/delete", "POST /posts/{id}/vote", "POST /comments/{id}/vote",
            "POST /posts/{id}/comment-votes",
            "POST /conditions/{slug}/follow", "POST /posts/{id}/bookmark", "POST /notifications/read",
            "POST /settings/delete", "POST /settings/mail/choices", "POST /mail/verify", "POST /drafts/{id}/discard",
            "POST /drafts", "POST /drafts/lapsed", "POST /moderation/decisions/{batch}/undo", "POST /moderation/spam",
            "POST /moderation/screening/retrain", "POST /moderation/screening/versions/{id}/use");

    @Test
    void everyPageFormHasRowsOrIsDeclaredWithoutText() throws IOException {
        Set<String> pageForms = AuthorizationMatrixTest.mutatingEndpoints().stream()
                .filter(endpoint -> endpoint.startsWith("POST ") && !endpoint.startsWith("POST /api/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = ROWS.stream().map(row -> row.endpoint().replaceAll(" \\(.*\\)$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(WITHOUT_TEXT);
        Set<String> missing = new TreeSet<>(pageForms);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(pageForms);
        assertTrue(missing.isEmpty(), "add rows for these page forms' text fields (or declare them without text): " + missing);
        assertTrue(stale.isEmpty(), "rows name page forms that no longer exist: " + stale);
    }

    @TestFactory
    Stream<DynamicTest> eachFieldAtItsLimitsThroughThePage() {
        return ROWS.stream().flatMap(row -> Stream.of(Case.values()).map(c -> DynamicTest.dynamicTest(
                row.endpoint() + " " + row.field() + " " + c, () -> check(row, c))));
    }

    private static void check(Row row, Case c) {
        String tag = "T" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 100_000, 36);
        Target target = row.prepare().apply(cast(), tag);
        String text = text(row, c, tag);
        Map<String, Object> fields = new LinkedHashMap<>(target.fields());
        fields.replaceAll((name, value) -> "OTHER_OK".equals(value) ? "OTHER" : value);
        fields.put(row.field(), asBrowsersSend(text));
        if ("note".equals(row.field()) && "OTHER".equals(fields.get("reason")) && text.isBlank()) {
            fields.put("reason", "SPAM"); // "other" needs a note; an optional note is tried blank with a reason that does not
        }
        Response answer = PageForms.submit(target.user(), target.formPage(), target.tokenForm(), target.action(), fields);
        String what = row.endpoint() + " " + row.field() + " " + c + " answered " + answer.statusCode();
        boolean accepted = c == Case.MAX || (!row.required() && (c == Case.BLANK || c == Case.INVISIBLE));
        if (accepted) {
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 303, what + ": " + answer.asString());
            if (c == Case.MAX) {
                String shown = target.shown().apply(answer).text().toLowerCase(java.util.Locale.ROOT);
                assertTrue(shown.contains(ending(tag).toLowerCase(java.util.Locale.ROOT).replace("last words of ",
                        row.kind() == Kind.HANDLE || row.kind() == Kind.ADDRESS ? "" : "last words of ")),
                        what + ": the end of the text is not on the page that shows it");
            }
            return;
        }
        assertEquals(400, answer.statusCode(), what + ": " + answer.asString());
        Document page = PageForms.html(answer);
        if (target.action().endsWith("/preview")) {
            // A fragment the form's script shows beside the form; the text never leaves the member's page.
            assertTrue(page.selectFirst(".form-errors [data-field=" + row.field() + "]") != null,
                    what + ": the preview does not name the field");
            return;
        }
        Element field = page.selectFirst("form[action=" + target.tokenForm() + "] [name=" + row.field() + "]");
        assertTrue(field != null, what + ": the refusal does not show the form again");
        assertEquals(text, shownValue(field), what + ": the member's text is not kept");
        assertTrue(page.selectFirst(".form-errors [data-field=" + row.field() + "]") != null,
                what + ": no message names '" + row.field() + "': " + page.select(".form-errors").text());
    }

    /** A way a form is refused, and what it needs: fields that cause it, or a state of the sender. */
    enum Refusal {
        /** Invalid input: the field one character over its limit. */
        INVALID(400),
        /** Somebody else acted first: a stale version, or a second flag of the same content. */
        CONFLICT(409),
        /** A body over the 1 MiB request limit, refused before the app reads it. */
        TOO_LARGE(413),
        /** Screening blocks spam. */
        BLOCKED(422),
        /** The sender used up their hourly allowance. */
        RATE_LIMITED(429),
        /** A moderator paused the sender's posting. */
        SILENCED(403);

        final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    /** Which refusals each form can meet, by the row (endpoint and field) that fills it. */
    static final Map<String, Set<Refusal>> REFUSALS = Map.ofEntries(
            Map.entry("POST /posts body", Set.of(Refusal.INVALID, Refusal.TOO_LARGE, Refusal.BLOCKED, Refusal.RATE_LIMITED,
                    Refusal.SILENCED)),
            Map.entry("POST /posts/{id}/edit body", Set.of(Refusal.INVALID, Refusal.CONFLICT, Refusal.TOO_LARGE, Refusal.BLOCKED)),
            Map.entry("POST /posts/{id}/comments body", Set.of(Refusal.INVALID, Refusal.TOO_LARGE, Refusal.BLOCKED,
                    Refusal.RATE_LIMITED, Refusal.SILENCED)),
            Map.entry("POST /posts/{id}/comments (reply) body", Set.of(Refusal.INVALID, Refusal.TOO_LARGE, Refusal.BLOCKED,
                    Refusal.RATE_LIMITED)),
            Map.entry("POST /comments/{id}/edit body", Set.of(Refusal.INVALID, Refusal.CONFLICT, Refusal.TOO_LARGE,
                    Refusal.BLOCKED)),
            Map.entry("POST /posts/{id}/flag note", Set.of(Refusal.INVALID, Refusal.CONFLICT, Refusal.TOO_LARGE,
                    Refusal.RATE_LIMITED, Refusal.SILENCED)),
            Map.entry("POST /comments/{id}/flag note", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            Map.entry("POST /tags/suggest note", Set.of(Refusal.INVALID, Refusal.TOO_LARGE, Refusal.BLOCKED,
                    Refusal.RATE_LIMITED, Refusal.SILENCED)),
            Map.entry("POST /settings/handle handle", Set.of(Refusal.INVALID, Refusal.TOO_LARGE, Refusal.SILENCED)),
            Map.entry("POST /settings/mail/address address", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            Map.entry("POST /moderation/items/{id} (comment) text", Set.of(Refusal.INVALID, Refusal.CONFLICT, Refusal.TOO_LARGE)),
            Map.entry("POST /moderation/rules notice", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            Map.entry("POST /moderation/rules (test) sample", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            Map.entry("POST /conditions/{slug}/edit description", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            Map.entry("POST /remedies/{slug}/edit caution", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)),
            // A decided suggestion leaves the list, and with it the form: its conflict is the error page.
            Map.entry("POST /moderation/tags/{id} reason", Set.of(Refusal.INVALID, Refusal.TOO_LARGE)));

    @Test
    void everyPageFormHasItsRefusalsListed() {
        Set<String> forms = ROWS.stream().map(row -> row.endpoint().replaceAll(" \\(.*\\)$", ""))
                .filter(endpoint -> !endpoint.endsWith("/preview"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = REFUSALS.keySet().stream().map(key -> key.replaceAll("( \\(.*\\))? \\w+$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(forms, listed, "every page form lists the refusals it can meet");
    }

    @TestFactory
    Stream<DynamicTest> everyRefusalKeepsTheText() {
        return REFUSALS.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(entry -> {
            Row row = ROWS.stream().filter(r -> entry.getKey().equals(r.endpoint() + " " + r.field())).findFirst().orElseThrow();
            return entry.getValue().stream().sorted().map(refusal -> DynamicTest.dynamicTest(entry.getKey() + " " + refusal,
                    () -> refuse(row, refusal)));
        });
    }

    private void refuse(Row row, Refusal refusal) {
        String tag = "R" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 100_000, 36);
        Target target = row.prepare().apply(cast(), tag);
        boolean asDora = refusal == Refusal.RATE_LIMITED || refusal == Refusal.SILENCED;
        String user = asDora ? dora : target.user();
        String text = switch (refusal) {
            case INVALID -> fill(row.kind(), row.max() + 1, tag);
            case TOO_LARGE -> "Heat helped, walking helped. ".repeat(38_000) + ending(tag); // about 1.1 MB
            case BLOCKED -> "Great results! Email me at deals@spam.example for wholesale orders. " + ending(tag);
            default -> row.kind() == Kind.HANDLE ? "kept-" + tag.toLowerCase() : "Text I spent an hour on. " + ending(tag);
        };
        Map<String, Object> fields = new LinkedHashMap<>(target.fields());
        fields.replaceAll((name, value) -> "OTHER_OK".equals(value) ? "OTHER" : value);
        fields.put(row.field(), asBrowsersSend(text));
        String formPage = target.formPage();
        String tokenForm = target.tokenForm();
        if (refusal == Refusal.CONFLICT && conflictFirst(row, target, fields, tag)) {
            formPage = "/settings"; // the form is gone from its page once someone decided: any form of the session has the token
            tokenForm = "/settings/handle";
        }
        long dora = asDora ? doraId() : 0;
        String doraKey = asDora ? (String) query("select person_key(oidc_subject) from member where id = " + dora) : null;
        try {
            if (refusal == Refusal.RATE_LIMITED) {
                exhaust((row.endpoint().contains("flag") ? "flags" : row.endpoint().startsWith("POST /posts/{id}/comments")
                        ? "comments" : row.endpoint().equals("POST /tags/suggest") ? "tag-suggestions" : "posts") + ":" + doraKey);
            } else if (refusal == Refusal.SILENCED) {
                execute("update member set silenced_until = now() + interval '1 day' where id = " + dora);
            }
            Response answer = PageForms.submit(user, formPage, tokenForm, target.action(), fields);
            String what = row.endpoint() + " " + row.field() + " " + refusal + " answered " + answer.statusCode();
            assertEquals(refusal.status, answer.statusCode(), what + ": " + answer.asString());
            Document page = PageForms.html(answer);
            if (refusal == Refusal.TOO_LARGE) {
                // Refused unread: the page says why and by how much; the browser's copy (js/keep-text.js) brings the text back.
                assertTrue(page.selectFirst("h1").text().contains("too long"), what);
                java.util.regex.Matcher sizes = java.util.regex.Pattern
                        .compile("What you sent was [0-9.]+ MB \\(([0-9,]+) bytes\\); the most one form can send is 1.0 MB "
                                + "\\(1,048,576 bytes\\)").matcher(page.text());
                assertTrue(sizes.find() && Long.parseLong(sizes.group(1).replace(",", "")) > 1_048_576, what + ": " + page.text());
                assertTrue(page.selectFirst("[data-text-refused] #kept-text") != null, what);
                assertTrue(page.selectFirst("script[src=/js/keep-text.js]") != null, what);
                return;
            }
            if (refusal == Refusal.RATE_LIMITED) {
                assertTrue(answer.getHeader("Retry-After") != null, what + ": no Retry-After");
            }
            Element field = page.selectFirst("form[action=" + target.action() + "] [name=" + row.field() + "]");
            assertTrue(field != null, what + ": the refusal does not show the form again");
            assertEquals(text, shownValue(field), what + ": the text is lost");
            assertTrue(!page.select(".form-errors, .conflict").text().isBlank(), what + ": no message says why");
        } finally {
            if (asDora) {
                execute("delete from rate_limit_counter where bucket like '%:" + doraKey + "'");
                execute("update member set silenced_until = null where id = " + dora);
            }
        }
    }

    /**
     * Acts first on what the form is about, so the sender's submission meets a conflict: a flag already sent, a
     * decision already taken, an edit saved over the version (0) the sender's fields still carry. True when that
     * removed the form from its page.
     */
    private boolean conflictFirst(Row row, Target target, Map<String, Object> fields, String tag) {
        if (row.endpoint().endsWith("/flag")) {
            fields.put("reason", "SPAM");
            assertEquals(200, PageForms.submit(target.user(), target.formPage(), target.action(),
                    Map.of("reason", "SPAM", "postId", target.fields().getOrDefault("postId", 0))).statusCode(), "the first flag");
            return true; // the flag page then tells the flagger so instead of showing the form (the tab sent from kept it)
        }
        if (row.endpoint().startsWith("POST /moderation/items")) {
            assertEquals(303, PageForms.submit(admin, target.formPage(), target.action(),
                    Map.of("action", "HIDE", "version", 0)).statusCode(), "the first decision");
            return true;
        }
        Map<String, Object> other = new LinkedHashMap<>(fields);
        other.put(row.field(), "Someone saved first " + tag);
        assertEquals(303, PageForms.submit(target.user(), target.formPage(), target.action(), other).statusCode(),
                "the first save");
        return false;
    }

    private long doraId() {
        as(dora).when().get("/settings").then().statusCode(200);
        return ((Number) query("select id from member where handle = '" + dora + "'")).longValue();
    }

    /** Uses up an hourly allowance in the database, where the limits are counted. */
    private static void exhaust(String bucket) {
        execute("insert into rate_limit_counter (bucket, window_start, hits) values ('" + bucket
                + "', to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), 1000000)"
                + " on conflict (bucket, window_start) do update set hits = 1000000");
    }

    static void execute(String sql) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(sql).executeUpdate());
    }

    /**
     * Browsers send a textarea's line breaks as CR LF, which the limits count as one character; a page's form shows them
     * as LF again, so the kept text is compared with the LF version.
     */
    static String asBrowsersSend(String text) {
        return text.replace("\n", "\r\n");
    }

    /** A field's value as a browser shows it (an HTML parser reads CR LF as one line feed). */
    static String shownValue(Element field) {
        return (field.tagName().equals("textarea") ? field.wholeText() : field.val()).replace("\r\n", "\n");
    }

    /** The last sentence of every generated text, looked for on the page that shows it. */
    static String ending(String tag) {
        return "Last words of " + tag;
    }

    static String text(Row row, Case c, String tag) {
        return switch (c) {
            case MAX -> fill(row.kind(), row.max(), tag);
            case OVER -> fill(row.kind(), row.max() + 1, tag);
            case BLANK -> "";
            case INVISIBLE -> " \u200B\u200B\u00A0\u2800\u3164 \u200D".repeat(2);
            case CONTROL -> row.kind() == Kind.HANDLE ? "dora\u000Bbad" : "Heat helped a lot\u000B and then " + ending(tag);
        };
    }

    /** Realistic text of exactly {@code length} characters (code points) ending with {@link #ending}. */
    static String fill(Kind kind, int length, String tag) {
        String end = switch (kind) {
            case HANDLE -> tag.toLowerCase();
            case ADDRESS -> "@" + tag.toLowerCase() + ".example";
            case PATTERNS -> "\nlast words of " + tag.toLowerCase();
            default -> " " + ending(tag) + ".";
        };
        String unit = switch (kind) {
            case PROSE -> "## Week one\n\n- Heat helped, 20 minutes at a time 🔥\n- Walking to the corner and back 🚶\n"
                    + "Der Physiotherapeut sagte: langsam. 腰痛は少しずつ良くなった。 Le repos n'a pas aidé.\n\n";
            case LINE -> "Slipped disc, week one — 腰痛 — ";
            case PATTERNS -> "\nmiracle cure forever";
            case HANDLE -> "h";
            case ADDRESS -> "a";
        };
        StringBuilder text = new StringBuilder();
        int wanted = length - end.codePointCount(0, end.length());
        while (text.codePointCount(0, text.length()) < wanted) {
            text.append(unit);
        }
        int cut = text.offsetByCodePoints(0, wanted);
        String body = text.substring(0, cut);
        if (kind == Kind.PATTERNS && body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1) + "x";
        }
        return (kind == Kind.PROSE || kind == Kind.LINE ? body.replaceFirst("^.", "M") : body) + end;
    }

    private static Target newPost(Cast cast, Map<String, Object> other) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("kind", "STORY", "condition", "sciatica",
                "remedy.heat", "HELPED", "remedy.walking", "HELPED"));
        fields.putAll(other);
        return new Target(cast.bob(), "/posts/new", "/posts", fields, PageForms::followed);
    }

    private static Target editPost(Cast cast, String tag, String otherField) {
        long post = Fixtures.post(cast.bob(), "Story to edit " + tag);
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("kind", "STORY", "condition", "sciatica", "version", 0));
        fields.put(otherField, otherField.equals("title") ? "Edited story " + tag : "An edited short body.");
        return new Target(cast.bob(), "/posts/" + post + "/edit", "/posts/" + post + "/edit", fields, PageForms::followed);
    }

    private static Target suggestion(Cast cast, Map<String, Object> other) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("kind", "REMEDY", "category", "DEVICE"));
        fields.putAll(other);
        return new Target(cast.bob(), "/tags/suggest", "/tags/suggest", fields,
                answer -> PageForms.html(as(cast.alice()).when().get("/moderation/tags")));
    }

    private static Target moderatorEdit(Cast cast, String target, String tag) {
        long post = Fixtures.post(cast.bob(), "Moderated story " + tag);
        long id = target.equals("post") ? Fixtures.heldEdit(cast.bob(), post)
                : Fixtures.heldComment(cast.carol(), post);
        long item = Fixtures.reviewItem(target + "_id", id);
        return new Target(cast.alice(), "/moderation/items/" + item, "/moderation/items/" + item,
                Map.of("action", "EDIT_AND_APPROVE", "version", 0),
                answer -> PageForms.html(io.restassured.RestAssured.given().when().get("/posts/" + post)));
    }

    private static Target rule(Cast cast, String tag, String submit, String field) {
        String code = "fixture-" + tag.toLowerCase();
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("isNew", "true", "code", code, "category", "SPAM",
                "subcategory", "fixture", "action", "FLAG", "submit", submit, "enabled", "true",
                "patterns", "zzq fixture phrase " + tag.toLowerCase(), "notice", "A fixture notice.", "sample", "A sample."));
        fields.remove(field);
        return new Target(cast.alice(), "/moderation/rules/new", "/moderation/rules", fields,
                submit.equals("test") ? PageForms::html
                        : answer -> PageForms.html(as(cast.alice()).when().get("/moderation/rules/" + code)));
    }

    /** The moderators' page of the open review item about a post or comment. */
    private static Document reviewPageOf(Cast cast, String column, long id) {
        return PageForms.html(as(cast.alice()).when().get("/moderation/items/" + Fixtures.reviewItem(column, id)));
    }

    /** Content made through the API (or, for what only moderators produce, through the database). */
    static final class Fixtures {

        static long post(String user, String title) {
            return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", title,
                    "body", "Short walks helped; the couch did not.", "conditions", List.of("sciatica")))
                    .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        }

        static long comment(String user, long post, String body) {
            return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("body", body))
                    .when().post("/api/v1/posts/" + post + "/comments").then().statusCode(201).extract().path("id"))
                    .longValue();
        }

        /** A post the screening rules hold (dosing advice), waiting in the queue. */
        static long heldPost(String user, String title) {
            return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", "TIP", "title", title,
                    "body", "Walking. Also just take double the ibuprofen.", "conditions", List.of("sciatica")))
                    .when().post("/api/v1/posts").then().statusCode(201).extract().path("id")).longValue();
        }

        /** Edits a published post into held advice; returns the post id. */
        static long heldEdit(String author, long post) {
            as(author).contentType(ContentType.JSON).body(Map.of("kind", "STORY", "title", "Held after an edit " + post,
                    "body", "Walking. Also just take double the ibuprofen.", "conditions", List.of("sciatica"), "version", 0))
                    .when().put("/api/v1/posts/" + post).then().statusCode(200);
            return post;
        }

        static long heldComment(String user, long post) {
            return comment(user, post, "Just take double the ibuprofen, it's fine.");
        }

        static long reviewItem(String column, long id) {
            return ((Number) query("select id from review_item where " + column + " = " + id
                    + " and status = 'OPEN' order by id desc limit 1")).longValue();
        }

        static String condition(String moderator, String tag) {
            String slug = "fixture-" + tag.toLowerCase();
            as(moderator).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Fixture " + tag,
                    "description", "Used by PageFormLimitsTest only.")).when().post("/api/v1/conditions").then().statusCode(201);
            return slug;
        }

        static String remedy(String moderator, String tag) {
            String slug = "fixture-" + tag.toLowerCase();
            as(moderator).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Fixture " + tag,
                    "category", "DEVICE", "description", "Used by PageFormLimitsTest only."))
                    .when().post("/api/v1/remedies").then().statusCode(201);
            return slug;
        }

        static long suggestion(String user, String name) {
            return ((Number) as(user).contentType(ContentType.JSON).body(Map.of("kind", "REMEDY", "name", name,
                    "category", "DEVICE")).when().post("/api/v1/tag-suggestions").then().statusCode(201)
                    .extract().path("id")).longValue();
        }
    }

    /** One value from the database, for what no page or API shows to the test's callers. */
    static Object query(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(sql).getSingleResult());
    }
}

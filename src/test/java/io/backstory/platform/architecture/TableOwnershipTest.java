package io.backstory.platform.architecture;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Each feature owns its tables: only its own code writes them (SQL {@code insert}, {@code update}, {@code delete}, or
 * an entity it maps, changed or persisted); other features call the owner's store or service. Plain JUnit over the
 * main sources (SQL strings and mapping annotations) and classes (entity writes), against {@link #OWNERS}.
 */
class TableOwnershipTest {

    /** Who owns which table: the one place ownership is declared. Every table of the migrations has one owner. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            entry("accounts", Set.of("member", "person_key_salt", "person_standing")),
            entry("community", Set.of("post", "comment", "post_revision", "comment_revision", "post_condition",
                    "post_remedy", "comment_remedy")),
            entry("voting", Set.of("post_vote", "comment_vote", "comment_tally_change")),
            entry("evidence", Set.of("condition_remedy_evidence")),
            entry("search", Set.of("search_change")),
            entry("following", Set.of("bookmark", "condition_follow")),
            entry("notifications", Set.of("notification")),
            entry("writing", Set.of("mention")),
            entry("drafts", Set.of("draft", "draft_published")),
            entry("mail", Set.of("mail_choice", "mail_digest", "mail_outbox", "mail_recipient")),
            entry("moderation", Set.of("content_flag", "deferred_screening", "moderation_action", "moderation_decision",
                    "review_item", "review_reason", "screened_sentence", "screening_lesson", "screening_model_switch", "screening_model_version",
                    "screening_rule", "screening_rules_version", "screening_word_list")),
            entry("taxonomy", Set.of("condition", "condition_synonym", "remedy", "remedy_synonym", "tag_suggestion")),
            entry("platform", Set.of("rate_limit_counter", "scheduled_job")));

    /** The dev-only demo loader seeds every feature's tables (and backdates them); it is removed from real builds. */
    private static final String SEED_DATA = "demo";

    /** Tables named by an expression: a post's or a comment's table, or their vote tables, as the code names them. */
    private static final Map<String, Set<String>> DYNAMIC_TABLES = Map.of(
            "kind.table", Set.of("post", "comment"),
            "target.voteTable", Set.of("post_vote", "comment_vote"));

    /** Panache's methods that write an entity's table. */
    private static final Set<String> ENTITY_WRITES = Set.of("persist", "persistAndFlush", "delete", "deleteAll",
            "deleteById", "update");
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+(?:\"\\s*\\+\\s*([\\w.()]+)\\s*(\\+\\s*\"_revision)?|([a-z_]+)\\b)");
    private static final Pattern MAPPING = Pattern.compile("@(?:Table|JoinTable|CollectionTable)\\(name\\s*=\\s*\"(\\w+)\"");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Path MAIN = Path.of("src/main/java/io/backstory");

    @Test
    void everyTableHasOneOwner() throws IOException {
        Set<String> tables = tables();
        Map<String, List<String>> owners = OWNERS.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(t -> Map.entry(t, e.getKey()))).collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertEquals(tables, owners.keySet(), "OWNERS must name each table of the migrations, and no other");
        owners.forEach((table, packages) -> assertEquals(1, packages.size(), table + " has owners " + packages));
    }

    @Test
    void noFeatureWritesAnotherFeaturesTable() throws IOException {
        Set<String> tables = tables();
        assertTrue(tables.contains("post") && tables.size() > 30, "the migrations were read: " + tables);
        Map<String, String> ownerOf = OWNERS.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(t -> Map.entry(t, e.getKey()))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Set<String>> foreign = new TreeMap<>();
        List<Write> sqlWrites = sqlWrites(tables);
        assertTrue(sqlWrites.stream().anyMatch(w -> w.writer().equals("voting") && w.table().equals("post_vote"))
                && sqlWrites.stream().anyMatch(w -> w.writer().equals("community") && w.table().equals("comment")),
                "SQL writes were found, by table name and by expression (voting's votes, community's tallies)");
        sqlWrites.forEach(w -> {
            if (!w.table().isEmpty() && !ownerOf.get(w.table()).equals(w.writer())) {
                foreign.computeIfAbsent(w.writer() + " -> " + w.table(), k -> new TreeSet<>()).add(w.where());
            }
        });
        List<Write> entityWrites = entityWrites();
        assertTrue(entityWrites.stream().anyMatch(w -> w.writer().equals("community") && w.table().equals("post")),
                "entity writes were found (community persists posts)");
        entityWrites.forEach(w -> {
            if (!ownerOf.get(w.table()).equals(w.writer())) {
                foreign.computeIfAbsent(w.writer() + " -> " + w.table(), k -> new TreeSet<>()).add(w.where());
            }
        });
        assertEquals(Map.of(), foreign, "writes to another feature's tables; call the owner's store or service");
    }

    @Test
    void entitiesMapOnlyTheirFeaturesTables() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path file : javaFiles()) {
            String feature = feature(file);
            Matcher m = MAPPING.matcher(Files.readString(file));
            while (m.find()) {
                if (!OWNERS.getOrDefault(feature, Set.of()).contains(m.group(1))) {
                    found.computeIfAbsent(feature + " maps " + m.group(1), k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        assertEquals(Map.of(), found, "entity mappings of tables another feature owns");
    }

    /** A write by a feature's code: a table, and where (file and line, or class and member). */
    record Write(String writer, String table, String where) {
    }

    static List<Write> sqlWrites(Set<String> tables) throws IOException {
        List<Write> writes = new java.util.ArrayList<>();
        for (Path file : javaFiles()) {
            String feature = feature(file);
            if (feature.equals(SEED_DATA)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                Matcher m = WRITE.matcher(line);
                while (m.find()) {
                    String where = file.getFileName() + ":" + (i + 1);
                    if (m.group(3) != null) {
                        if (tables.contains(m.group(3).toLowerCase())) {
                            writes.add(new Write(feature, m.group(3).toLowerCase(), where));
                        }
                        continue;
                    }
                    Set<String> named = DYNAMIC_TABLES.get(m.group(1));
                    assertTrue(named != null, where + " writes a table named by " + m.group(1)
                            + "; say in DYNAMIC_TABLES which tables it can be");
                    String suffix = m.group(2) != null ? "_revision" : "";
                    named.forEach(t -> writes.add(new Write(feature, t + suffix, where)));
                }
            }
        }
        return writes;
    }

    /** Entities changed by a feature's code: a field set, or Panache's persist, delete or update called. */
    static List<Write> entityWrites() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backstory");
        List<Write> writes = new java.util.ArrayList<>();
        for (JavaClass c : classes) {
            String writer = feature(c);
            if (writer.equals(SEED_DATA)) {
                continue;
            }
            Stream<JavaAccess<?>> accesses = Stream.concat(
                    c.getFieldAccessesFromSelf().stream().filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET),
                    c.getMethodCallsFromSelf().stream().filter(call -> ENTITY_WRITES.contains(call.getName())));
            accesses.forEach(a -> {
                JavaClass owner = a.getTargetOwner();
                for (String table : entityTables(owner)) {
                    writes.add(new Write(writer, table, c.getSimpleName() + "." + a.getOrigin().getName()
                            + " -> " + owner.getSimpleName() + "." + a.getName()));
                }
            });
        }
        return writes;
    }

    /** The tables an entity class (or the mapped superclass of several) is stored in. */
    private static Set<String> entityTables(JavaClass type) {
        if (type.isAnnotatedWith("jakarta.persistence.Table")) {
            return Set.of((String) type.getAnnotationOfType("jakarta.persistence.Table").get("name").orElseThrow());
        }
        if (type.isAnnotatedWith("jakarta.persistence.MappedSuperclass")) {
            return type.getSubclasses().stream().flatMap(s -> entityTables(s).stream()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static String feature(JavaClass type) {
        return type.getPackageName().replaceFirst("^io\\.backstory\\.", "").replaceFirst("\\..*", "");
    }

    private static String feature(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

}

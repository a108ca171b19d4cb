package io.backstory.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak for the integration tests: the distribution Maven unpacked once per machine into
 * ~/.cache/backstory/keycloak (its first start builds it; later ones start as built), started once per test JVM on
 * 127.0.0.1:8180 with the realm file that docker/ deploys and a new, empty database, and stopped (SIGTERM) when the
 * JVM exits.
 * Its process id is recorded so a run that was killed cannot leave a stray Keycloak holding the port for the next.
 */
public final class KeycloakServer {

    public static final int PORT = 8180;
    public static final String REALM_URL = "http://127.0.0.1:" + PORT + "/realms/backstory";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private static Process process;
    private static JsonNode realm;

    private KeycloakServer() {
    }

    /** Starts Keycloak unless this JVM already did; returns once the realm's discovery document answers. */
    public static synchronized void ensureRunning() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path home = Path.of(System.getProperty("keycloak.home",
                System.getProperty("user.home") + "/.cache/backstory/keycloak/keycloak-26.7.3"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak in " + home + ": run the tests through `./mvnw verify`, which unpacks it");
        }
        try {
            stopStrayFromEarlierRun(home.resolve("test-run.pid"));
            deleteTree(home.resolve("data"));
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile(), importDir.resolve("backstory-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + PORT, "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("test-run.log").toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
            Files.writeString(home.resolve("test-run.pid"), Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop, "stop-keycloak"));
            awaitDiscovery(home.resolve("test-run.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** The confidential client's secret, read from the realm file so tests and deployment cannot drift apart. */
    public static String clientSecret() {
        return realm().path("clients").get(0).path("secret").asText();
    }

    /** A realm user's e-mail address, as the realm file gives it (every user's is marked verified there). */
    public static String email(String user) {
        for (JsonNode entry : realm().path("users")) {
            if (entry.path("username").asText().equals(user)) {
                return entry.path("email").asText();
            }
        }
        throw new IllegalArgumentException("no user " + user + " in the realm file");
    }

    /** An access token for a realm user (password = user name), from the password grant. */
    public static String token(String user) {
        return io.restassured.RestAssured.given().formParam("grant_type", "password").formParam("client_id", "backstory")
                .formParam("client_secret", clientSecret()).formParam("username", user).formParam("password", user)
                .when().post(REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static synchronized JsonNode realm() {
        if (realm == null) {
            try {
                realm = new ObjectMapper().readTree(realmFile().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return realm;
    }

    private static Path realmFile() {
        return Path.of(System.getProperty("keycloak.realm-file", "docker/keycloak/backstory-realm.json"));
    }

    private static void awaitDiscovery(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static void stopStrayFromEarlierRun(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(c -> c.contains("keycloak")).orElse(false))
                .ifPresent(stray -> {
                    stray.destroy();
                    stray.onExit().join();
                });
        Files.delete(pidFile);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.backstory.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the packaged app needs in the prod profile beyond its login settings, for the integration tests that start
 * it: its public origin (required there: the address the tests and browsers use, which the realm file also lists as
 * a redirect target) and a free management port for health and metrics (the default, 9000, may be taken on a shared
 * machine). With a random test port ({@code quarkus.http.test-port=0}) the origin cannot be known beforehand; only
 * the browser tests, which need the realm's port 8081 anyway, depend on it being the real one.
 */
public final class PackagedApp {

    private static int managementPort;
    private static String publicUrl;

    private PackagedApp() {
    }

    /** Settings for a test resource to hand the packaged app. */
    static synchronized Map<String, String> settings() {
        if (managementPort == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                managementPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            publicUrl = "http://localhost:"
                    + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        }
        return Map.of("backstory.public-url", publicUrl, "quarkus.management.port", Integer.toString(managementPort));
    }

    /** The public origin the app was given (with a random test port, not the address it listens on). */
    public static String publicUrl() {
        return publicUrl;
    }

    /** An address on the management port (health, metrics). */
    public static String management(String path) {
        return "http://localhost:" + managementPort + path;
    }
}

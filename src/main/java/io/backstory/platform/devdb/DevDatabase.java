package io.backstory.platform.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The dev-mode embedded PostgreSQL. Live reload builds a new class loader and re-reads configuration, so
 * the running server is remembered in a JVM-wide system property rather than a static field: one server
 * per JVM, whatever the number of reloads. Its data directory survives restarts and `mvn clean`.
 */
final class DevDatabase {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final String RUNNING_URL_PROPERTY = "backstory.dev-database.running-url";
    private static final Logger LOG = Logger.getLogger(DevDatabase.class);

    private DevDatabase() {
    }

    static synchronized String startOncePerJvm(String dataDir) {
        String running = System.getProperty(RUNNING_URL_PROPERTY);
        if (running != null) {
            return running;
        }
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Could not stop the dev database cleanly", e);
                }
            }, "dev-database-shutdown"));
            String url = postgres.getJdbcUrl(USER, "postgres");
            System.setProperty(RUNNING_URL_PROPERTY, url);
            LOG.infof("Dev database: embedded PostgreSQL at %s, data in %s", url, dir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded dev database in " + dir, e);
        }
    }
}

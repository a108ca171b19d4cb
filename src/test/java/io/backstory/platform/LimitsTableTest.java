package io.backstory.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The README's table of limits, list sizes and timings names every key of {@link Limits} with the default the
 * mapping has, and no other: the table is the documentation, the mapping the truth. Plain JUnit.
 */
class LimitsTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(backstory\\.[a-z.-]+)` \\| `?([^`|]+?)`? \\|", Pattern.MULTILINE);

    @Test
    void theReadmeListsEveryLimitWithItsDefault() throws IOException {
        // Durations as Quarkus reads them ("10s", "15m"), as the application does.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(Limits.class)
                .withConverter(Duration.class, 200, new DurationConverter()).build();
        Map<String, String> defaults = new TreeMap<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("backstory."))
                .forEach(name -> defaults.put(name, config.getRawValue(name)));

        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Limits, list sizes and timings"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(section.substring(0, section.indexOf("\n## ")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).replace(",", ""));
        }
        assertEquals("10", defaults.get("backstory.limits.posts-per-hour"), "the mapping's defaults are read");
        assertEquals(defaults, documented);
    }
}

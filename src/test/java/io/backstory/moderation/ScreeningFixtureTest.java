package io.backstory.moderation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The seeded rules against the labelled sentences in {@code moderation/screening-fixture.tsv}. A sentence
 * labelled UNSAFE_ADVICE, RED_FLAG or SPAM is found when a rule of that category matches it; a BENIGN
 * sentence is a false positive when any rule matches it at all.
 */
@QuarkusTest
class ScreeningFixtureTest {

    @Inject
    ScreeningService screening;

    @Test
    void recallAndFalsePositiveRatesMeetTheBar() throws IOException {
        Map<String, int[]> counts = new java.util.LinkedHashMap<>(); // label -> {found, total}
        List<String> misses = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(System.getProperty("screening.fixture", "moderation/screening-fixture.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                String label = parts[0];
                ScreeningResult result = screening.rules(parts[1], Set.of());
                boolean hit = label.equals("BENIGN") ? !result.matches().isEmpty()
                        : result.matches().stream().anyMatch(m -> m.category().name().equals(label));
                int[] c = counts.computeIfAbsent(label, k -> new int[2]);
                c[1]++;
                if (hit) {
                    c[0]++;
                }
                if (hit == label.equals("BENIGN")) {
                    misses.add(label + (label.equals("BENIGN") ? " flagged by " + result.matches().get(0).rule() : " missed")
                            + ": " + parts[1]);
                }
            }
        }
        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        counts.forEach((label, c) -> rates.put(label, (double) c[0] / c[1]));
        System.out.printf("Screening fixture: unsafe advice recall %.1f%% (%d/%d), red flag recall %.1f%% (%d/%d), "
                + "spam recall %.1f%% (%d/%d), benign look-alikes flagged %.1f%% (%d/%d)%n",
                100 * rates.get("UNSAFE_ADVICE"), counts.get("UNSAFE_ADVICE")[0], counts.get("UNSAFE_ADVICE")[1],
                100 * rates.get("RED_FLAG"), counts.get("RED_FLAG")[0], counts.get("RED_FLAG")[1],
                100 * rates.get("SPAM"), counts.get("SPAM")[0], counts.get("SPAM")[1],
                100 * rates.get("BENIGN"), counts.get("BENIGN")[0], counts.get("BENIGN")[1]);
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(rates.get("UNSAFE_ADVICE") >= 0.90, "unsafe advice recall " + rates.get("UNSAFE_ADVICE"));
        assertTrue(rates.get("RED_FLAG") >= 0.90, "red flag recall " + rates.get("RED_FLAG"));
        assertTrue(rates.get("SPAM") >= 0.90, "spam recall " + rates.get("SPAM"));
        assertTrue(rates.get("BENIGN") <= 0.05, "benign false-positive rate " + rates.get("BENIGN"));
    }

}

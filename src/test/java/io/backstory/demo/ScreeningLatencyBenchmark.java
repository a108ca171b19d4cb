package io.backstory.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.backstory.moderation.ScreeningService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Not part of the test suite (its name does not end in Test): screening latency per post, rules and model together,
 * for posts of 200, 2,000 and 40,000 characters cut from the demo stories (hence this package), every sentence made new so no cached
 * embedding helps; then the process's resident memory. Run it alone (README, "Performance"):
 * {@code ./mvnw test -Dtest=ScreeningLatencyBenchmark -DargLine=-Xmx512m}.
 */
@QuarkusTest
class ScreeningLatencyBenchmark {

    @Inject
    ScreeningService screening;

    @Test
    void measure() throws Exception {
        // Links left out: a text with several is refused as spam by the rules before the model reads it.
        String corpus = String.join("\n\n", DemoContent.stories().stream().map(DemoContent.DemoPost::body).toList())
                .replaceAll("https?://\\S+", "");
        StringBuilder report = new StringBuilder("\n| post length | posts | p50 | p99 |\n|---|---|---|---|\n");
        int variant = 0;
        for (int[] sizeAndRuns : new int[][] {{200, 100}, {2_000, 30}, {40_000, 5}}) {
            int size = sizeAndRuns[0];
            long[] millis = new long[sizeAndRuns[1]];
            for (int run = -1; run < millis.length; run++) { // one warm-up run
                int from = Math.floorMod(variant * 7919, corpus.length() - size);
                String text = fresh(corpus.substring(from, from + size), variant++);
                long started = System.nanoTime();
                screening.screen(text, Set.of());
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - started) / 1_000_000;
                }
            }
            Arrays.sort(millis);
            report.append("| %,d characters | %d | %d ms | %d ms |%n".formatted(size, millis.length,
                    millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]));
        }
        System.out.println(report);
        System.out.println("Resident memory (VmRSS) with the model loaded, after the runs: " + residentMemory()
                + "; max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    /** Each sentence gets a marker word, so every one is new to the embedding cache. */
    private static String fresh(String text, int variant) {
        List<String> parts = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            parts.add(sentence + " v" + variant);
        }
        return String.join(" ", parts);
    }

    private static String residentMemory() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("unknown");
    }
}

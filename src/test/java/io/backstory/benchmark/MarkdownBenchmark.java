package io.backstory.benchmark;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backstory.platform.text.MarkdownRenderer;

/**
 * How long Markdown rendering plus sanitising takes, to decide between rendering per view and storing the
 * HTML on write (README, "Benchmarks"). Not a test: run it by hand (command in the README).
 */
public final class MarkdownBenchmark {

    private MarkdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (InputStream in = MarkdownBenchmark.class.getClassLoader().getResourceAsStream("demo/demo-content.json")) {
            for (JsonNode post : new ObjectMapper().readTree(in).get("posts")) {
                bodies.add(post.get("body").asText());
            }
        }
        String longest = String.join("\n\n", bodies);
        while (longest.length() < 39_000) {
            longest = longest + "\n\n" + longest;
        }
        longest = longest.substring(0, 39_000);
        MarkdownRenderer renderer = new MarkdownRenderer();
        report("demo post bodies (avg " + bodies.stream().mapToInt(String::length).sum() / bodies.size() + " chars)",
                renderer, bodies, 200);
        report("a 39,000-character body", renderer, List.of(longest), 200);
    }

    private static void report(String what, MarkdownRenderer renderer, List<String> inputs, int rounds) {
        for (int warmup = 0; warmup < rounds; warmup++) {
            inputs.forEach(renderer::toSafeHtml);
        }
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            inputs.forEach(renderer::toSafeHtml);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / rounds / inputs.size();
        System.out.printf("%s: %.1f microseconds per render%n", what, micros);
    }
}

package io.backstory.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Google Lighthouse 12 (npm, through its Node.js API), run against Debian's Chromium through CHROME_PATH. Installed on first use with the
 * machine's npm into a per-version folder under ~/.cache/backstory (like Maven's ~/.m2, so a fresh clone does not
 * install it again; nothing is downloaded besides the npm package, no browser); reports go to target/lighthouse.
 */
public final class Lighthouse {

    public static final String VERSION = "12.8.2";
    private static final Path HOME = Path.of("target/lighthouse");
    private static final Path INSTALL = Path.of(System.getProperty("user.home"), ".cache", "backstory", "lighthouse-" + VERSION);
    public static final List<String> CATEGORIES = List.of("performance", "accessibility", "best-practices", "seo");

    private Lighthouse() {
    }

    /**
     * The four category scores (0-100) of each page (name to URL), in the order given; the full JSON reports are kept
     * beside them. One Node.js process runs them all (src/test/resources/lighthouse/pages.mjs), each in its own Chromium.
     */
    public static Map<String, Map<String, Integer>> scores(Map<String, String> pages) throws IOException, InterruptedException {
        install();
        Path script = INSTALL.resolve("pages.mjs"); // beside node_modules, where its imports resolve
        try (var in = Lighthouse.class.getResourceAsStream("/lighthouse/pages.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString(), String.join(",", CATEGORIES),
                "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
                        + "--disable-component-update --disable-sync --disable-quic --no-first-run"));
        pages.forEach((name, url) -> command.addAll(List.of(url, report(name).toString())));
        Path log = HOME.resolve("lighthouse.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROME_PATH", System.getProperty("browser.binary", "/usr/bin/chromium"));
        run(builder, "Lighthouse on " + pages.values(), log);
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        for (String name : pages.keySet()) {
            JsonNode categories = new ObjectMapper().readTree(report(name).toFile()).path("categories");
            Map<String, Integer> byCategory = new LinkedHashMap<>();
            for (String category : CATEGORIES) {
                byCategory.put(category, (int) Math.round(categories.path(category).path("score").asDouble(-1) * 100));
            }
            scores.put(name, byCategory);
        }
        return scores;
    }

    private static Path report(String name) {
        return HOME.resolve(name + ".report.json").toAbsolutePath();
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        Path installed = INSTALL.resolve("installed");
        if (!Files.exists(installed)) { // written last, so an interrupted install is redone
            Files.createDirectories(INSTALL);
            ProcessBuilder npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save",
                    "--prefix", INSTALL.toString(), "lighthouse@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm-install.log").toFile());
            run(npm, "npm install lighthouse@" + VERSION, HOME.resolve("npm-install.log"));
            Files.writeString(installed, VERSION);
        }
    }

    private static void run(ProcessBuilder builder, String what, Path log) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " took over 5 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (" + process.exitValue() + "):\n" + Files.readString(log));
        }
    }
}

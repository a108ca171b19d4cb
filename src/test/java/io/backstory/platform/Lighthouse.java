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
 * Google Lighthouse 12 (npm), run against Debian's Chromium through CHROME_PATH. Installed on first use with the
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

    /** The four category scores (0-100) for the page; the full JSON report is kept beside them. */
    public static Map<String, Integer> scores(String url, String name) throws IOException, InterruptedException {
        Path cli = install();
        Path report = HOME.resolve(name + ".report.json");
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), url, "--output=json",
                "--output-path=" + report, "--quiet", "--only-categories=" + String.join(",", CATEGORIES),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
                        + "--disable-background-networking --disable-component-update --disable-sync --disable-quic "
                        + "--no-first-run"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(HOME.resolve(name + ".log").toFile());
        builder.environment().put("CHROME_PATH", System.getProperty("browser.binary", "/usr/bin/chromium"));
        run(builder, "Lighthouse on " + url, HOME.resolve(name + ".log"));
        JsonNode categories = new ObjectMapper().readTree(report.toFile()).path("categories");
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            scores.put(category, (int) Math.round(categories.path(category).path("score").asDouble(-1) * 100));
        }
        return scores;
    }

    private static synchronized Path install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        Path cli = INSTALL.resolve("node_modules/lighthouse/cli/index.js");
        Path installed = INSTALL.resolve("installed");
        if (!Files.exists(installed)) { // written last, so an interrupted install is redone
            Files.createDirectories(INSTALL);
            ProcessBuilder npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save",
                    "--prefix", INSTALL.toString(), "lighthouse@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm-install.log").toFile());
            run(npm, "npm install lighthouse@" + VERSION, HOME.resolve("npm-install.log"));
            Files.writeString(installed, VERSION);
        }
        return cli;
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

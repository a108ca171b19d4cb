package io.backstory.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers available in every template. */
@TemplateExtension
public class TemplateFormats {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * "just now", "5 minutes ago", "3 hours ago" within a day; older, the date ("4 Nov 2026"), as "12 days ago" makes
     * a reader count. The exact time goes in a title attribute beside it.
     */
    static String ago(Instant instant) {
        return agoAt(instant, Instant.now());
    }

    static String agoAt(Instant instant, Instant now) {
        long seconds = Math.max(0, Duration.between(instant, now).getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return plural(hours, "hour");
        }
        return DAY.format(instant);
    }

    /** "1 comment", "3 comments": {@code {post.commentCount.count('comment')}}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 || n == -1 ? "" : "s");
    }

    static String count(long n, String noun) {
        return count((int) n, noun);
    }

    /** For putting member-typed words into a link's query string. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String exact(Instant instant) {
        return EXACT.format(instant);
    }

    /** For datetime attributes: HTML allows at most three digits of a second, PostgreSQL keeps six. */
    static String iso(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}

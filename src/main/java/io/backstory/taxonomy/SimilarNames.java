package io.backstory.taxonomy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether two tag names probably mean the same thing, so a moderator is warned before approving a duplicate:
 * the same words ignoring case, accents, punctuation and a plural "s" ("Kinesio-tape" and "kinesio tapes"); one name's
 * words within the other's ("heat" in "heat wrap"); or a slip of the keyboard ("sciatca").
 */
final class SimilarNames {

    private SimilarNames() {
    }

    static boolean similar(String a, String b) {
        return similarNormal(normal(a), normal(b));
    }

    /** {@link #similar} for names already passed through {@link #normal}, so a list is normalised once, not per pair. */
    static boolean similarNormal(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        if (Math.min(x.length(), y.length()) >= 4 && (containsWords(x, y) || containsWords(y, x))) {
            return true;
        }
        int allowed = Math.min(x.length(), y.length()) <= 6 ? 1 : 2;
        return Math.abs(x.length() - y.length()) <= allowed && distance(x, y) <= allowed;
    }

    /** Lowercase words without accents or punctuation, each without a plural "s". */
    static String normal(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return String.join(" ", Arrays.stream(plain.split(" ")).filter(w -> !w.isEmpty())
                .map(w -> w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w)
                .toList());
    }

    private static boolean containsWords(String whole, String part) {
        return (" " + whole + " ").contains(" " + part + " ");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

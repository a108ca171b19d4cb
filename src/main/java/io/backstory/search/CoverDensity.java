package io.backstory.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * PostgreSQL's {@code ts_rank_cd(vector, query)} (default weights, no normalisation) computed in Java, for the
 * queries {@link TsQuery} covers (lexemes, and, or, not), so that {@link SearchIndex} can rank its candidates from
 * the positions it keeps instead of PostgreSQL reading every candidate's row. The steps are PostgreSQL's own
 * ({@code calc_rank_cd} and {@code Cover} in {@code tsrank.c}): the query's lexemes' positions in the document,
 * sorted; each cover (the shortest stretch from a position on in which the query holds) adds its entries' count over
 * the sum of their inverse weights, divided by one plus the words between them that are not the query's.
 */
final class CoverDensity {

    /** ts_rank_cd's default weights of D, C, B and A, as PostgreSQL's floats. */
    private static final float[] WEIGHTS = {0.1f, 0.2f, 0.4f, 1.0f};
    private static final double[] INVERSE_WEIGHTS = new double[WEIGHTS.length];

    static {
        for (int i = 0; i < WEIGHTS.length; i++) {
            INVERSE_WEIGHTS[i] = 1.0 / WEIGHTS[i];
        }
    }

    /**
     * A lexeme at a position (1 to 16383) with its weight (0 for D to 3 for A), as a tsvector holds it; position 0
     * for a lexeme without positions, which PostgreSQL leaves out of the rank.
     */
    record Occurrence(String lexeme, int position, int weight) {

        /** Lexemes in a tsvector's order: their UTF-8 bytes compared as unsigned. */
        static final Comparator<String> LEXEME_ORDER = (a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

        /** PostgreSQL's order of a document's entries: position, then weight, then lexeme. */
        static final Comparator<Occurrence> ORDER = Comparator.comparingInt(Occurrence::position)
                .thenComparingInt(Occurrence::weight).thenComparing(Occurrence::lexeme, LEXEME_ORDER);
    }

    private CoverDensity() {
    }

    /** The rank of a document with these occurrences (any order; only the query's lexemes count). */
    static float rank(TsQuery.Parsed query, List<Occurrence> occurrences) {
        List<String> lexemes = query.lexemes();
        List<Occurrence> sorted = new ArrayList<>(occurrences.size());
        for (Occurrence occurrence : occurrences) {
            if (occurrence.position() > 0 && lexemes.contains(occurrence.lexeme())) {
                sorted.add(occurrence);
            }
        }
        sorted.sort(Occurrence.ORDER);
        // The document's entries: each lexeme at each position once (a lexeme twice in the query counts once).
        int length = 0;
        int[] lexeme = new int[sorted.size()];
        int[] position = new int[sorted.size()];
        int[] weight = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Occurrence occurrence = sorted.get(i);
            if (i > 0 && Occurrence.ORDER.compare(sorted.get(i - 1), occurrence) == 0) {
                continue;
            }
            lexeme[length] = lexemes.indexOf(occurrence.lexeme());
            position[length] = occurrence.position();
            weight[length] = occurrence.weight();
            length++;
        }
        boolean[] window = new boolean[lexemes.size()];
        Predicate<String> inWindow = word -> window[lexemes.indexOf(word)];
        double rank = 0;
        int from = 0;
        while (from < length) {
            // The cover's end: the first entry from `from` on at which the query holds.
            Arrays.fill(window, false);
            int end = -1;
            for (int i = from; i < length; i++) {
                window[lexeme[i]] = true;
                if (query.holds(inWindow)) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                break;
            }
            // Its beginning: the first entry back from the end at which the query holds.
            Arrays.fill(window, false);
            int begin = -1;
            for (int i = end; i >= from; i--) {
                window[lexeme[i]] = true;
                if (query.holds(inWindow)) {
                    begin = i;
                    break;
                }
            }
            if (begin < 0) {
                from++;
                continue;
            }
            double inverseSum = 0;
            for (int i = begin; i <= end; i++) {
                inverseSum += INVERSE_WEIGHTS[weight[i]];
            }
            double density = (end - begin + 1) / inverseSum;
            int noise = (position[end] - position[begin]) - (end - begin);
            if (noise < 0) {
                noise = (end - begin) / 2;
            }
            rank += density / (1 + noise);
            from = begin + 1;
        }
        return (float) rank;
    }

    /**
     * The occurrences in a tsvector as PostgreSQL prints it ({@code 'back':2A,5 'o''reilli':3C}): lexemes quoted
     * with quotes and backslashes doubled, positions with their weight's letter (none for D).
     */
    static List<Occurrence> parse(String tsvector) {
        List<Occurrence> occurrences = new ArrayList<>();
        int at = 0;
        int length = tsvector.length();
        while (at < length) {
            if (tsvector.charAt(at) == ' ') {
                at++;
                continue;
            }
            if (tsvector.charAt(at) != '\'') {
                throw new IllegalArgumentException("not a tsvector: " + tsvector);
            }
            StringBuilder lexeme = new StringBuilder();
            at = TsQuery.quoted(tsvector, at + 1, lexeme);
            if (at < 0) {
                throw new IllegalArgumentException("not a tsvector: " + tsvector);
            }
            String word = lexeme.toString();
            if (at < length && tsvector.charAt(at) == ':') {
                do {
                    at++;
                    int position = 0;
                    while (at < length && Character.isDigit(tsvector.charAt(at))) {
                        position = position * 10 + (tsvector.charAt(at++) - '0');
                    }
                    int weight = 0;
                    if (at < length && "ABCD".indexOf(tsvector.charAt(at)) >= 0) {
                        weight = 3 - "ABCD".indexOf(tsvector.charAt(at++));
                    }
                    occurrences.add(new Occurrence(word, position, weight));
                } while (at < length && tsvector.charAt(at) == ',');
            } else {
                occurrences.add(new Occurrence(word, 0, 0));
            }
        }
        return occurrences;
    }
}

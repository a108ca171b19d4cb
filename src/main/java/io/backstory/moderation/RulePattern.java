package io.backstory.moderation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a rule's patterns, compiled. The language (also in migration V5):
 * <ul>
 * <li>a line is one or more clauses joined by {@code &}; all must match within one sentence;</li>
 * <li>a clause is terms in order, each at most N tokens after the previous ({@code ~N} at the end, default 3);</li>
 * <li>a term is alternatives joined by {@code |}: a word (compared by stem, so inflections match), a prefix
 * {@code word*} (compared with the word as written), or {@code @list} (a named word list).</li>
 * </ul>
 */
final class RulePattern {

    static final int DEFAULT_GAP = 3;
    private static final Pattern GAP = Pattern.compile("\\s~(\\d{1,2})\\s*$");

    /** A token test: any of these stems, or a surface form starting with any of these prefixes. */
    record Term(Set<String> stems, List<String> prefixes) {
        boolean matches(TextAnalysis.Token token) {
            if (stems.contains(token.stem())) {
                return true;
            }
            for (String prefix : prefixes) {
                if (token.surface().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Clause(List<Term> terms, int maxGap) {
    }

    /** Where a line matched in a sentence: token indexes of its first and last matched tokens. */
    record Span(int firstToken, int lastToken) {
    }

    private final String source;
    private final List<Clause> clauses;

    private RulePattern(String source, List<Clause> clauses) {
        this.source = source;
        this.clauses = clauses;
    }

    String source() {
        return source;
    }

    /**
     * Compiles a pattern line; word lists are resolved now.
     *
     * @throws IllegalArgumentException naming what is wrong, for moderators editing rules
     */
    static RulePattern compile(String line, Map<String, List<String>> wordLists) {
        List<Clause> clauses = new ArrayList<>();
        for (String clauseText : line.split("&")) {
            String text = clauseText.strip();
            int gap = DEFAULT_GAP;
            Matcher gapMatcher = GAP.matcher(" " + text);
            if (gapMatcher.find()) {
                gap = Integer.parseInt(gapMatcher.group(1));
                text = (" " + text).substring(0, gapMatcher.start()).strip();
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("'" + line + "' has an empty clause");
            }
            List<Term> terms = new ArrayList<>();
            for (String termText : text.split("\\s+")) {
                terms.add(term(termText, wordLists, line));
            }
            clauses.add(new Clause(List.copyOf(terms), gap));
        }
        return new RulePattern(line.strip(), List.copyOf(clauses));
    }

    private static Term term(String text, Map<String, List<String>> wordLists, String line) {
        Set<String> stems = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String alternative : text.split("\\|")) {
            if (alternative.isEmpty()) {
                throw new IllegalArgumentException("'" + line + "' has an empty alternative in '" + text + "'");
            }
            if (alternative.startsWith("@")) {
                List<String> list = wordLists.get(alternative.substring(1));
                if (list == null) {
                    throw new IllegalArgumentException("'" + line + "' names an unknown word list " + alternative);
                }
                for (String word : list) {
                    addWord(word, stems, prefixes, line);
                }
            } else {
                addWord(alternative, stems, prefixes, line);
            }
        }
        return new Term(Set.copyOf(stems), List.copyOf(prefixes));
    }

    private static void addWord(String word, Set<String> stems, List<String> prefixes, String line) {
        if (word.endsWith("*")) {
            String prefix = TextAnalysis.normalise(word.substring(0, word.length() - 1)).toLowerCase(java.util.Locale.ROOT);
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("'" + line + "' has a bare '*'");
            }
            prefixes.add(prefix);
            return;
        }
        String stem = TextAnalysis.stemOfWord(word);
        if (stem == null) {
            throw new IllegalArgumentException("'" + line + "': '" + word + "' is not a single word");
        }
        stems.add(stem);
    }

    /** Each clause's span if every clause matches within tokens [from, to) of one sentence, else null. */
    List<Span> match(List<TextAnalysis.Token> tokens, int from, int to) {
        List<Span> spans = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            Span span = matchClause(clause, tokens, from, to);
            if (span == null) {
                return null;
            }
            spans.add(span);
        }
        return spans;
    }

    private static Span matchClause(Clause clause, List<TextAnalysis.Token> tokens, int from, int to) {
        for (int start = from; start < to; start++) {
            if (clause.terms().get(0).matches(tokens.get(start))) {
                int end = continueFrom(clause, 1, start, tokens, to);
                if (end >= 0) {
                    return new Span(start, end);
                }
            }
        }
        return null;
    }

    /** Depth-first: the index of the last token if terms[termIndex..] match after position {@code previous}. */
    private static int continueFrom(Clause clause, int termIndex, int previous, List<TextAnalysis.Token> tokens, int to) {
        if (termIndex == clause.terms().size()) {
            return previous;
        }
        Term term = clause.terms().get(termIndex);
        int limit = Math.min(to, previous + 2 + clause.maxGap());
        for (int next = previous + 1; next < limit; next++) {
            if (term.matches(tokens.get(next))) {
                int end = continueFrom(clause, termIndex + 1, next, tokens, to);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }
}

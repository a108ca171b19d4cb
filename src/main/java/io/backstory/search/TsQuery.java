package io.backstory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A PostgreSQL tsquery as PostgreSQL prints it ({@code 'back' & !'pain' | ( 'heat' & 'ice' )}) turned into the
 * Lucene query that matches the same documents when a document's terms are its tsvector's lexemes. Lexemes, and, or
 * and not translate exactly; phrases ({@code <->}, {@code <N>}), prefixes and weights ({@code 'ba':*}) do not, and
 * give no query: the caller searches in PostgreSQL instead.
 */
final class TsQuery {

    private final String text;
    private int at;

    private TsQuery(String text) {
        this.text = text;
    }

    /** The Lucene query over {@code field}, or empty when the tsquery uses what Lucene's terms cannot express. */
    static Optional<Query> toLucene(String tsquery, String field) {
        return parse(tsquery).map(parsed -> parsed.lucene(field));
    }

    /** The query of lexemes, and, or and not, or empty when the tsquery uses more (phrases, prefixes, weights). */
    static Optional<Parsed> parse(String tsquery) {
        if (tsquery == null || tsquery.isBlank()) {
            return Optional.of(Parsed.of(null)); // PostgreSQL: a query without lexemes matches nothing
        }
        try {
            TsQuery parser = new TsQuery(tsquery);
            Node node = parser.or();
            parser.skipSpaces();
            if (parser.at != tsquery.length()) {
                return Optional.empty();
            }
            return Optional.of(Parsed.of(node));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * A tsquery of lexemes, and, or and not; {@code root} null when it has no lexeme (it matches nothing). Its
     * {@code lexemes}, each once in the order written, are collected once: the index ranks every candidate with them.
     */
    record Parsed(Node root, List<String> lexemes) {

        static Parsed of(Node root) {
            List<String> lexemes = new ArrayList<>();
            if (root != null) {
                root.collect(lexemes);
            }
            return new Parsed(root, List.copyOf(lexemes));
        }

        Query lucene(String field) {
            return root == null ? new MatchNoDocsQuery() : root.query(field);
        }

        /** Whether it holds when exactly the lexemes {@code present} accepts are there. */
        boolean holds(Predicate<String> present) {
            return root != null && root.holds(present);
        }
    }

    private sealed interface Node {
        Query query(String field);

        boolean holds(Predicate<String> present);

        void collect(List<String> lexemes);
    }

    private record Lexeme(String word) implements Node {
        public Query query(String field) {
            return new TermQuery(new Term(field, word));
        }

        public boolean holds(Predicate<String> present) {
            return present.test(word);
        }

        public void collect(List<String> lexemes) {
            if (!lexemes.contains(word)) {
                lexemes.add(word);
            }
        }
    }

    private record Not(Node node) implements Node {
        public Query query(String field) {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(node.query(field), Occur.MUST_NOT).build();
        }

        public boolean holds(Predicate<String> present) {
            return !node.holds(present);
        }

        public void collect(List<String> lexemes) {
            node.collect(lexemes);
        }
    }

    private record And(List<Node> nodes) implements Node {
        public Query query(String field) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            boolean positive = false;
            for (Node node : nodes) {
                if (node instanceof Not not) {
                    all.add(not.node().query(field), Occur.MUST_NOT);
                } else {
                    all.add(node.query(field), Occur.FILTER);
                    positive = true;
                }
            }
            if (!positive) {
                all.add(new MatchAllDocsQuery(), Occur.FILTER);
            }
            return all.build();
        }

        public boolean holds(Predicate<String> present) {
            for (Node node : nodes) {
                if (!node.holds(present)) {
                    return false;
                }
            }
            return true;
        }

        public void collect(List<String> lexemes) {
            nodes.forEach(node -> node.collect(lexemes));
        }
    }

    private record Or(List<Node> nodes) implements Node {
        public Query query(String field) {
            BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            nodes.forEach(node -> any.add(node.query(field), Occur.SHOULD));
            return any.build();
        }

        public boolean holds(Predicate<String> present) {
            for (Node node : nodes) {
                if (node.holds(present)) {
                    return true;
                }
            }
            return false;
        }

        public void collect(List<String> lexemes) {
            nodes.forEach(node -> node.collect(lexemes));
        }
    }

    /** A tsquery this translation does not cover. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    // Precedence as PostgreSQL prints it: | binds loosest, then &, then the phrase operators, then !.
    private Node or() {
        List<Node> nodes = new ArrayList<>(List.of(and()));
        while (next('|')) {
            nodes.add(and());
        }
        return nodes.size() == 1 ? nodes.get(0) : new Or(nodes);
    }

    private Node and() {
        List<Node> nodes = new ArrayList<>(List.of(operand()));
        while (next('&')) {
            nodes.add(operand());
        }
        if (peek() == '<') {
            throw new Unsupported();
        }
        return nodes.size() == 1 ? nodes.get(0) : new And(nodes);
    }

    private Node operand() {
        if (next('!')) {
            return new Not(operand());
        }
        if (next('(')) {
            Node inner = or();
            if (!next(')')) {
                throw new Unsupported();
            }
            return inner;
        }
        Node lexeme = lexeme();
        if (peek() == '<') {
            throw new Unsupported();
        }
        return lexeme;
    }

    /** A quoted lexeme: quotes and backslashes inside are doubled; a weight or prefix mark after it is not covered. */
    private Node lexeme() {
        if (!next('\'')) {
            throw new Unsupported();
        }
        StringBuilder word = new StringBuilder();
        at = quoted(text, at, word);
        if (at < 0) {
            throw new Unsupported();
        }
        if (at < text.length() && text.charAt(at) == ':') {
            throw new Unsupported();
        }
        return new Lexeme(word.toString());
    }

    /**
     * Reads a quoted lexeme as PostgreSQL prints it in a tsquery or tsvector, from just after its opening quote:
     * quotes and backslashes inside are doubled. Appends it unquoted to {@code word} and returns where its closing
     * quote ends, or -1 when the text ends first.
     */
    static int quoted(String text, int at, StringBuilder word) {
        while (at < text.length()) {
            char c = text.charAt(at++);
            if ((c == '\'' || c == '\\') && at < text.length() && text.charAt(at) == c) {
                word.append(c);
                at++;
            } else if (c == '\'') {
                return at;
            } else {
                word.append(c);
            }
        }
        return -1;
    }

    private boolean next(char expected) {
        if (peek() == expected) {
            at++;
            return true;
        }
        return false;
    }

    private char peek() {
        skipSpaces();
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }
}

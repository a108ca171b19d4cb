package io.backstory.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into tokens with Lucene: Unicode word boundaries, lower case, accents folded, possessive "'s"
 * dropped, Porter stems ("taking", "takes" → "take"). Each token keeps its surface form, character offsets,
 * sentence number (sentences end at full stops and at line breaks) and clause number (clauses also end at
 * semicolons, colons, dashes and brackets, and before a word that turns the sentence: "but", "though", "honestly").
 */
final class TextAnalysis {

    record Token(String stem, String surface, int start, int end, int sentence, int clause) {
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    /** Where a new clause starts: after these marks, or at these words ("my doctor says rest, but just double it"). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[;:()\\[\\]\u2014\u2013]|\\s-\\s|\\b(?=(?:but|though|although|however|whereas|yet|except|instead|anyway|honestly|tbh|ngl|regardless)\\b)",
            Pattern.CASE_INSENSITIVE);

    private TextAnalysis() {
    }

    static List<Token> tokens(String rawText) {
        String text = normalise(rawText);
        List<Integer> sentenceStarts = sentenceStarts(text);
        List<Integer> clauseStarts = clauseStarts(text, sentenceStarts);
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int sentence = 0;
            int clause = 0;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                while (sentence + 1 < sentenceStarts.size() && sentenceStarts.get(sentence + 1) <= start) {
                    sentence++;
                }
                while (clause + 1 < clauseStarts.size() && clauseStarts.get(clause + 1) <= start) {
                    clause++;
                }
                tokens.add(new Token(term.toString(), text.substring(start, offset.endOffset()).toLowerCase(Locale.ROOT),
                        start, offset.endOffset(), sentence, clause));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The index of the first token of the clause token i is in (clauses never cross sentences). */
    static int clauseStart(List<Token> tokens, int i) {
        int start = i;
        while (start > 0 && tokens.get(start - 1).clause() == tokens.get(i).clause()) {
            start--;
        }
        return start;
    }

    /** The index after the last token of the clause token i is in. */
    static int clauseEnd(List<Token> tokens, int i) {
        int end = i + 1;
        while (end < tokens.size() && tokens.get(end).clause() == tokens.get(i).clause()) {
            end++;
        }
        return end;
    }

    /** The stem of a single pattern word, or null when it is not exactly one token. */
    static String stemOfWord(String word) {
        List<Token> tokens = tokens(word);
        return tokens.size() == 1 ? tokens.get(0).stem() : null;
    }

    /** Curly apostrophes become straight ones, so "don’t" and "don't" are the same word. Offsets are kept. */
    static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'');
    }

    /** Character ranges [start, end) of the sentences of a text, trimmed, blank ones left out. */
    static List<int[]> sentenceSpans(String text) {
        List<Integer> starts = sentenceStarts(text);
        starts.add(text.length());
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 1 < starts.size(); i++) {
            int start = starts.get(i);
            int end = starts.get(i + 1);
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                spans.add(new int[] {start, end});
            }
        }
        return spans;
    }

    private static List<Integer> clauseStarts(String text, List<Integer> sentenceStarts) {
        List<Integer> starts = new ArrayList<>(sentenceStarts);
        Matcher matcher = CLAUSE_BREAK.matcher(text);
        while (matcher.find()) {
            starts.add(matcher.end());
        }
        starts.sort(Integer::compare);
        return starts;
    }

    private static List<Integer> sentenceStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int start = sentences.first(); start != BreakIterator.DONE; start = sentences.next()) {
            starts.add(start);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        starts.sort(Integer::compare);
        return starts;
    }
}

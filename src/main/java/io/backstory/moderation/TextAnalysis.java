package io.backstory.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * dropped, Porter stems ("taking", "takes" → "take"). Each token keeps its surface form, character offsets
 * and sentence number (sentences end at full stops and at line breaks).
 */
final class TextAnalysis {

    record Token(String stem, String surface, int start, int end, int sentence) {
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

    private TextAnalysis() {
    }

    static List<Token> tokens(String rawText) {
        String text = normalise(rawText);
        List<Integer> sentenceStarts = sentenceStarts(text);
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int sentence = 0;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                while (sentence + 1 < sentenceStarts.size() && sentenceStarts.get(sentence + 1) <= start) {
                    sentence++;
                }
                tokens.add(new Token(term.toString(), text.substring(start, offset.endOffset()).toLowerCase(Locale.ROOT),
                        start, offset.endOffset(), sentence));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
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

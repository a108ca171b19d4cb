package io.backstory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** PostgreSQL's printed tsqueries, run as Lucene queries over documents whose terms are lexemes. */
class TsQueryTest {

    private static final List<List<String>> DOCUMENTS = List.of(
            List.of("back", "pain"), List.of("back", "heat"), List.of("heat", "ice"), List.of("o'reilli", "back\\slash"),
            List.of("walk"));

    private static Set<Integer> matches(String tsquery) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (int i = 0; i < DOCUMENTS.size(); i++) {
                    Document document = new Document();
                    document.add(new StringField("n", String.valueOf(i), Store.YES));
                    DOCUMENTS.get(i).forEach(word -> document.add(new StringField("words", word, Store.NO)));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Set<Integer> found = new TreeSet<>();
                for (ScoreDoc hit : searcher.search(TsQuery.toLucene(tsquery, "words").orElseThrow(), 100).scoreDocs) {
                    found.add(Integer.valueOf(searcher.storedFields().document(hit.doc).get("n")));
                }
                return found;
            }
        }
    }

    private static Set<Integer> documents(Integer... numbers) {
        return new TreeSet<>(Arrays.asList(numbers));
    }

    @Test
    void lexemesAndOrAndNotMatchAsInPostgresql() throws IOException {
        assertEquals(documents(0, 1), matches("'back'"));
        assertEquals(documents(1), matches("'back' & 'heat'"));
        assertEquals(documents(0, 1, 2), matches("'back' | 'heat'"));
        assertEquals(documents(0), matches("'back' & !'heat'"));
        assertEquals(documents(2, 3, 4), matches("!'back'"), "a negation alone matches everything else");
        assertEquals(documents(3, 4), matches("!'back' & !'heat'"));
        assertEquals(documents(0, 2), matches("'pain' | 'heat' & 'ice'"), "& binds tighter than |");
        assertEquals(documents(1, 2), matches("( 'pain' | 'heat' ) & !'pain'"));
        assertEquals(documents(0, 2, 3, 4), matches("!( 'back' & 'heat' )"));
    }

    @Test
    void quotesAndBackslashesInsideALexemeAreDoubled() throws IOException {
        assertEquals(documents(3), matches("'o''reilli'"));
        assertEquals(documents(3), matches("'back\\\\slash'"));
    }

    @Test
    void anEmptyQueryMatchesNothing() throws IOException {
        assertEquals(documents(), matches(""), "websearch_to_tsquery of stop words only");
    }

    @Test
    void phrasesPrefixesAndWeightsAreLeftToPostgresql() {
        for (String tsquery : List.of("'everi' <-> 'weekend'", "'back' & 'a' <2> 'b'", "!( 'a' <-> 'b' )", "( 'a' & 'b' ) <-> 'c'",
                "'ba':*", "'back':AB", "'unclosed", "'a' 'b'", "( 'a'")) {
            assertTrue(TsQuery.toLucene(tsquery, "words").isEmpty(), tsquery);
        }
    }

    @Test
    void holdsForTheLexemesPresentAsPostgresqlEvaluatesIt() {
        TsQuery.Parsed query = TsQuery.parse("'pain' | 'heat' & !'ice' | 'pain'").orElseThrow();
        assertEquals(List.of("pain", "heat", "ice"), query.lexemes(), "each lexeme once, as written");
        assertTrue(query.holds(Set.of("pain")::contains));
        assertTrue(query.holds(Set.of("heat")::contains));
        assertTrue(!query.holds(Set.of("heat", "ice")::contains));
        assertTrue(!query.holds(Set.of("ice")::contains));
        assertTrue(!TsQuery.parse("").orElseThrow().holds(word -> true), "a query without lexemes holds for nothing");
    }
}

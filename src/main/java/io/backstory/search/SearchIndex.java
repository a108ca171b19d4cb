package io.backstory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.NIOFSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.backstory.platform.Limits;
import io.backstory.platform.cache.ContentGeneration;
import io.backstory.platform.content.Visibility;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Finds and ranks the newest posts and comments that match a search without reading PostgreSQL's rows: a Lucene index
 * per app instance whose terms are the lexemes of each visible post's and comment's {@code search_vector} (so
 * stemming, stop words and the tags' synonyms are PostgreSQL's own) at their positions and weights, sorted newest
 * first so that a search stops at the candidates it needs however common its words are, and ranks them as
 * {@code ts_rank_cd} would ({@link CoverDensity}). A comment is in it while readers see its post too. Built from the
 * tables when the instance starts (in a temporary directory, in the background: until it is ready, and for phrases,
 * searches run in PostgreSQL alone), then kept current from the log of changes (migrations V41, V43), which every
 * search reads first when the content generation has moved; so a change committed on any instance is found by the
 * next search everywhere.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final String WORDS = "words";
    private static final String KEY = "key";
    private static final String TYPE = "type";
    private static final String CREATED = "created";
    private static final String ID = "id";
    private static final Sort NEWEST = new Sort(new SortField(CREATED, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.LONG, true));
    /** Changes read again after the build: any still committing while the tables were read. */
    private static final int REREAD_AFTER_BUILD = 1000;
    private static final int CHANGES_PER_READ = 5000;
    /** Weights in a tsvector (D, C, B, A): a Lucene position holds a tsvector's position and its weight. */
    private static final int WEIGHTS = 4;
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final ContentGeneration generation;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index");
        thread.setDaemon(true);
        return thread;
    });

    private Path directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private ChangeCursor cursor;
    private long caughtUpGeneration = -1;
    private volatile boolean ready;

    SearchIndex(EntityManager em, AgroalDataSource dataSource, ContentGeneration generation) {
        this.em = em;
        this.dataSource = dataSource;
        this.generation = generation;
    }

    void start(@Observes StartupEvent start, @ConfigProperty(name = "backstory.search.index") boolean enabled,
            ClusterJobs jobs, Limits limits) {
        if (enabled) {
            builder.submit(this::build);
        }
        Duration retention = limits.search().changeRetention();
        jobs.every(limits.jobs().searchChangeTrimEvery(), "search-change-trim", () -> trimChanges(retention));
    }

    /** Removes the logged changes older than {@code retention}, which every instance has read (see {@link #keepUp}). */
    long trimChanges(Duration retention) {
        return em.createNativeQuery("delete from search_change where logged_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) retention.toSeconds()).executeUpdate();
    }

    /**
     * Reads the log even when nobody searches, so that no instance falls behind by more than the log keeps, and the
     * first search after a quiet hour does not wait for an hour of changes.
     */
    @Scheduled(every = "${backstory.search.catch-up-every}", delayed = "${backstory.search.catch-up-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepUp() {
        if (ready) {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    catchUp();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The highest logged change this instance has read. */
    synchronized long readUpTo() {
        return cursor == null ? 0 : cursor.highest();
    }

    /** Whether searches use the index (it is built). */
    public boolean ready() {
        return ready;
    }

    /** A candidate of a search: a visible post or comment that matches, with its rank ({@link CoverDensity}). */
    record Candidate(long id, long createdMicros, float rank) {
    }

    /** The newest matching posts and the newest matching comments, each newest first. */
    record Candidates(List<Candidate> posts, List<Candidate> comments) {
    }

    /**
     * The newest {@code limit} visible posts and as many comments whose search vector matches {@code tsquery}
     * (PostgreSQL's text of it), newest first, each ranked as PostgreSQL's {@code ts_rank_cd} would; empty when the
     * index cannot tell (not built yet, or a phrase).
     */
    Optional<Candidates> newest(String tsquery, int limit) {
        if (!ready) {
            return Optional.empty();
        }
        Optional<TsQuery.Parsed> parsed = TsQuery.parse(tsquery);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            catchUp();
            IndexSearcher searcher = searchers.acquire();
            try {
                return Optional.of(new Candidates(newest(searcher, parsed.get(), SearchService.HitType.POST, limit),
                        newest(searcher, parsed.get(), SearchService.HitType.COMMENT, limit)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Candidate> newest(IndexSearcher searcher, TsQuery.Parsed parsed, SearchService.HitType type,
            int limit) throws IOException {
        Query query = new BooleanQuery.Builder().add(parsed.lucene(WORDS), Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, type.name())), Occur.FILTER).build();
        // Stops in each segment at the limit: the segments are sorted newest first.
        TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(NEWEST, limit, null, limit, false));
        float[] ranks = ranks(searcher.getIndexReader().leaves(), top.scoreDocs, parsed);
        List<Candidate> found = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            Object[] fields = ((FieldDoc) top.scoreDocs[i]).fields;
            found.add(new Candidate((Long) fields[1], (Long) fields[0], ranks[i]));
        }
        return found;
    }

    /** The rank of each hit, from the positions of the query's lexemes in it, read segment by segment in order. */
    private static float[] ranks(List<LeafReaderContext> leaves, ScoreDoc[] hits, TsQuery.Parsed parsed)
            throws IOException {
        List<String> lexemes = parsed.lexemes();
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        float[] ranks = new float[hits.length];
        int leaf = -1;
        PostingsEnum[] positions = new PostingsEnum[lexemes.size()];
        for (int i : order) {
            int doc = hits[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext context = leaves.get(at);
            if (at != leaf) {
                leaf = at;
                for (int l = 0; l < lexemes.size(); l++) {
                    positions[l] = context.reader().postings(new Term(WORDS, lexemes.get(l)), PostingsEnum.POSITIONS);
                }
            }
            int local = doc - context.docBase;
            List<CoverDensity.Occurrence> occurrences = new ArrayList<>();
            for (int l = 0; l < lexemes.size(); l++) {
                PostingsEnum lexeme = positions[l];
                if (lexeme == null || (lexeme.docID() < local && lexeme.advance(local) != local) || lexeme.docID() != local) {
                    continue;
                }
                for (int n = lexeme.freq(); n > 0; n--) {
                    int position = lexeme.nextPosition();
                    occurrences.add(new CoverDensity.Occurrence(lexemes.get(l), position / WEIGHTS, position % WEIGHTS));
                }
            }
            ranks[i] = CoverDensity.rank(parsed, occurrences);
        }
        return ranks;
    }

    private void build() {
        long started = System.nanoTime();
        try {
            directory = Files.createTempDirectory("backstory-search-");
            IndexWriterConfig config = new IndexWriterConfig().setIndexSort(NEWEST).setRAMBufferSizeMB(32);
            // Read through the file system cache rather than mapped into the process, which would count in its RSS.
            writer = new IndexWriter(new NIOFSDirectory(directory), config);
            int documents;
            long highest;
            try (Connection db = dataSource.getConnection()) {
                // One snapshot for the rows and the log's highest number.
                db.setAutoCommit(false);
                db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (PreparedStatement last = db.prepareStatement("select coalesce(max(seq), 0) as seq from search_change");
                        ResultSet row = last.executeQuery()) {
                    row.next();
                    highest = row.getLong("seq");
                }
                documents = index(db, SearchService.HitType.POST, null) + index(db, SearchService.HitType.COMMENT, null);
                db.commit();
            }
            // One segment: a search stops after its candidates in each segment, so fewer segments, less work.
            writer.forceMerge(1);
            synchronized (this) {
                cursor = new ChangeCursor(Math.max(0, highest - REREAD_AFTER_BUILD), PATIENCE);
                searchers = new SearcherManager(writer, null);
            }
            ready = true;
            LOG.infof("Search index built: %d posts and comments in %.1f s", documents, (System.nanoTime() - started) / 1e9);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.errorf(e, "The search index could not be built; searches run in PostgreSQL alone");
        }
    }

    /** Reads the changes logged since the last read, once per content generation (searches wait for it). */
    private synchronized void catchUp() throws IOException {
        long seen = generation.current();
        if (seen == caughtUpGeneration) {
            return;
        }
        em.unwrap(Session.class).doWork(db -> {
            try {
                int read;
                do {
                    read = readChanges(db);
                } while (read == CHANGES_PER_READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        searchers.maybeRefreshBlocking();
        caughtUpGeneration = Math.max(caughtUpGeneration, seen);
    }

    private int readChanges(Connection db) throws SQLException, IOException {
        List<Long> numbers = new ArrayList<>();
        Set<Long> posts = new HashSet<>();
        Set<Long> comments = new HashSet<>();
        try (PreparedStatement changes = db.prepareStatement("""
                select seq, post_id, comment_id from search_change where seq > ? or seq = any(?) order by seq limit ?""")) {
            changes.setLong(1, cursor.highest());
            changes.setArray(2, db.createArrayOf("bigint", cursor.missing().toArray()));
            changes.setInt(3, CHANGES_PER_READ);
            try (ResultSet row = changes.executeQuery()) {
                while (row.next()) {
                    numbers.add(row.getLong("seq"));
                    long post = row.getLong("post_id");
                    if (row.wasNull()) {
                        comments.add(row.getLong("comment_id"));
                    } else {
                        posts.add(post);
                    }
                }
            }
        }
        index(db, SearchService.HitType.POST, posts);
        index(db, SearchService.HitType.COMMENT, comments);
        cursor.read(numbers, Instant.now());
        return numbers.size();
    }

    /**
     * Indexes the visible posts or comments: all of them ({@code ids} null) or those with the given ids, whose
     * entries are removed when readers no longer see them. Returns how many were indexed.
     */
    private int index(Connection db, SearchService.HitType type, Set<Long> ids) throws SQLException, IOException {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        // A comment is visible when its post is too (a change of the post's visibility logs its comments: V43).
        String sql = type == SearchService.HitType.POST
                ? "select t.id, t.created_at, t.search_vector::text as words from post t where " + Visibility.toReadersSql("t")
                : "select t.id, t.created_at, t.search_vector::text as words from comment t join post p on p.id = t.post_id"
                        + " where " + Visibility.toReadersSql("t") + " and " + Visibility.toReadersSql("p");
        sql += ids == null ? "" : " and t.id = any(?)";
        Set<Long> unseen = ids == null ? Set.of() : new HashSet<>(ids);
        int indexed = 0;
        try (PreparedStatement rows = db.prepareStatement(sql)) {
            rows.setFetchSize(2000);
            if (ids != null) {
                rows.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            }
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong("id");
                    Document document = document(type, id, row.getTimestamp("created_at").toInstant(),
                            CoverDensity.parse(row.getString("words")));
                    if (ids == null) {
                        writer.addDocument(document);
                    } else {
                        writer.updateDocument(key(type, id), document);
                        unseen.remove(id);
                    }
                    indexed++;
                }
            }
        }
        for (long id : unseen) {
            writer.deleteDocuments(key(type, id));
        }
        return indexed;
    }

    private static Document document(SearchService.HitType type, long id, Instant created,
            List<CoverDensity.Occurrence> words) {
        Document document = new Document();
        document.add(new StringField(KEY, key(type, id).text(), Store.NO));
        document.add(new StringField(TYPE, type.name(), Store.NO));
        document.add(new NumericDocValuesField(CREATED, ChronoUnit.MICROS.between(Instant.EPOCH, created)));
        document.add(new NumericDocValuesField(ID, id));
        document.add(new Field(WORDS, new Words(words), WORDS_TYPE));
        return document;
    }

    /**
     * A tsvector's lexemes as the terms of one field, each at its positions, which carry the weight too: Lucene's
     * position is the tsvector's times {@link #WEIGHTS} plus the weight (0 for a lexeme without positions).
     */
    private static final class Words extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<CoverDensity.Occurrence> words;
        private int next;
        private int position;

        Words(List<CoverDensity.Occurrence> words) {
            this.words = new ArrayList<>(words);
            this.words.sort(Comparator.comparingInt(Words::encoded));
        }

        private static int encoded(CoverDensity.Occurrence word) {
            return word.position() * WEIGHTS + word.weight();
        }

        @Override
        public boolean incrementToken() {
            if (next == words.size()) {
                return false;
            }
            clearAttributes();
            CoverDensity.Occurrence word = words.get(next++);
            term.setEmpty().append(word.lexeme());
            increment.setPositionIncrement(encoded(word) - position + (next == 1 ? 1 : 0));
            position = encoded(word);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            position = 0;
        }
    }

    private static Term key(SearchService.HitType type, long id) {
        return new Term(KEY, type.name() + id);
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
        ready = false;
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("The search index's directory %s was not removed: %s", directory, e.getMessage());
        }
    }
}

package io.backstory.moderation.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.backstory.platform.Limits;
import io.backstory.platform.db.NamedRow;
import io.backstory.platform.db.SqlEnum;
import io.backstory.platform.errors.ConflictException;
import io.backstory.platform.errors.NotFoundException;
import io.backstory.platform.jobs.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * Holds the screening model in use and makes new ones. At start-up it reads the training sentences and their shipped
 * embeddings, embeds any the file lacks, and takes the shipped model the build trained on the training split
 * ({@link ShippedModel}; or trains it, a few seconds, when the build's is for other sentences or code). Retrains
 * add the moderators' lessons ({@link ScreeningLessons}) to the same sentences; each is scored on the fixed evaluation
 * split and adopted only if it does not do worse than the model in use. Every version is a row of
 * {@code screening_model_version} (V31), fully described by the last lesson it learnt from, so any instance can
 * retrain the version the database marks active and judge as the others do; each looks every
 * {@code backstory.screening.model.sync-every}.
 */
@Startup
@ApplicationScoped
public class ScreeningModels {

    private static final Logger LOG = Logger.getLogger(ScreeningModels.class);

    /** Why a version was trained. */
    public enum TrainedFor {
        SHIPPED, SCHEDULE, MODERATOR
    }

    /** One model version as moderators see it. */
    public record Version(long id, Instant createdAt, TrainedFor trainedFor, String requestedBy, long lastLessonId,
            int trainingSize, int lessons, ModelScore score, boolean adopted, boolean active, Long comparedWith) {
    }

    /**
     * A retrain's outcome: the new version and the one in use it was measured against; when no lesson came since the
     * version in use was trained, nothing is trained and both are that version.
     */
    public record Retrained(Version version, Version inUseBefore) {

        public boolean nothingNew() {
            return version.id() == inUseBefore.id();
        }
    }

    private record InUse(long versionId, ScreeningModel model) {
    }

    private final SentenceEmbedder embedder;
    private final ScreeningLessons lessons;
    private final EntityManager em;
    private final List<Example> training = new ArrayList<>();
    private final List<Example> evaluation = new ArrayList<>();
    private final ScreeningModel shipped;
    private final ModelScore shippedScore;
    private volatile InUse inUse;

    ScreeningModels(SentenceEmbedder embedder, ScreeningLessons lessons, EntityManager em,
            @ConfigProperty(name = "backstory.screening.model.write-embeddings") Optional<Path> writeEmbeddings) {
        this.embedder = embedder;
        this.lessons = lessons;
        this.em = em;
        long started = System.nanoTime();
        Split split = split(embedder, writeEmbeddings);
        training.addAll(split.training());
        evaluation.addAll(split.evaluation());
        ShippedModel built = ShippedModel.of(split);
        shipped = built.model();
        shippedScore = built.score();
        inUse = new InUse(0, shipped);
        LOG.infof("Screening model %s on %d sentences (%d kept for evaluation) in %d ms; thresholds %s; %s",
                built.fromBuild() ? "as the build trained it" : "trained", training.size(), evaluation.size(),
                (System.nanoTime() - started) / 1_000_000, shipped.thresholds(), shippedScore);
    }

    void start(@Observes StartupEvent start, ClusterJobs jobs, Limits limits) {
        QuarkusTransaction.requiringNew().run(this::recordShipped);
        sync();
        jobs.every(limits.screening().model().retrainEvery(), "screening-retrain", this::retrainIfTaught);
    }

    public List<Example> evaluationSplit() {
        return List.copyOf(evaluation);
    }

    /** The training sentences with their features, apart from the evaluation split. */
    public record Split(List<Example> training, List<Example> evaluation) {
    }

    /**
     * The shipped training sentences with their features, split into training and evaluation: the embeddings come from
     * {@value ShippedEmbeddings#RESOURCE}, any missing are embedded now (and all written to {@code writeEmbeddings}).
     */
    public static Split split(SentenceEmbedder embedder, Optional<Path> writeEmbeddings) {
        Map<String, float[]> embeddings = ShippedEmbeddings.read();
        List<LabelledSentence> sentences = TrainingData.all();
        List<String> missing = sentences.stream().map(LabelledSentence::text).distinct()
                .filter(t -> !embeddings.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            LOG.warnf("%d training sentences are not in %s; embedding them now (write the file anew, README "
                    + "\"Screening model\")", missing.size(), ShippedEmbeddings.RESOURCE);
            for (int i = 0; i < missing.size(); i += 64) {
                List<String> batch = missing.subList(i, Math.min(missing.size(), i + 64));
                List<float[]> vectors = embedder.embeddings(batch);
                for (int j = 0; j < batch.size(); j++) {
                    embeddings.put(batch.get(j), vectors.get(j));
                }
            }
        }
        writeEmbeddings.ifPresent(file -> ShippedEmbeddings.write(embeddings, file));
        List<Example> training = new ArrayList<>();
        List<Example> evaluation = new ArrayList<>();
        for (LabelledSentence s : sentences) {
            Example example = new Example(s.label(), s.text(), SentenceEmbedder.withContext(s.text(), embeddings.get(s.text())));
            (TrainingData.isEvaluation(s.text()) ? evaluation : training).add(example);
        }
        return new Split(training, evaluation);
    }

    /** What the model in use says of one sentence. */
    public ScreeningModel.Verdict judge(String sentence) {
        return inUse.model().judge(embedder.features(sentence));
    }

    /** The id of the version in use on this instance. */
    public long inUseVersion() {
        return inUse.versionId();
    }

    /**
     * Trains a new version on the shipped sentences and every lesson so far, scores it on the evaluation split, and
     * puts it in use if it does not do worse than the version in use. Kept either way, with its figures.
     */
    public synchronized Retrained retrain(TrainedFor why, Long requestedBy) {
        long lastLesson = lessons.lastLessonId();
        Version active = QuarkusTransaction.requiringNew().call(() -> activeVersion(false)).orElseThrow();
        if (lastLesson == active.lastLessonId()) {
            return new Retrained(active, active);
        }
        List<LabelledSentence> taught = lessons.upTo(lastLesson);
        ScreeningModel model = trainWith(taught);
        ModelScore score = ModelScore.of(model, evaluation);
        Retrained retrained = QuarkusTransaction.requiringNew().call(() -> {
            Version before = activeVersion(true).orElseThrow();
            boolean adopted = score.notWorseThan(before.score());
            long id = ((Number) em.createNativeQuery("""
                    insert into screening_model_version (trained_for, requested_by, last_lesson_id, training_size, lessons,
                        unsafe_recall, red_flag_recall, spam_recall, benign_flagged, benign_held, adopted, compared_with)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) returning id""")
                    .setParameter(1, why.name()).setParameter(2, requestedBy).setParameter(3, lastLesson)
                    .setParameter(4, training.size() + taught.size()).setParameter(5, taught.size())
                    .setParameter(6, score.unsafeRecall()).setParameter(7, score.redFlagRecall())
                    .setParameter(8, score.spamRecall()).setParameter(9, score.benignFlagged())
                    .setParameter(10, score.benignHeld()).setParameter(11, adopted).setParameter(12, before.id())
                    .getSingleResult()).longValue();
            if (adopted) {
                activate(id);
            }
            return new Retrained(version(id).orElseThrow(), before);
        });
        if (retrained.version().adopted()) {
            inUse = new InUse(retrained.version().id(), model);
        }
        LOG.infof("Screening model version %d trained (%s, %d lessons): %s; %s", retrained.version().id(), why, taught.size(),
                score, retrained.version().adopted() ? "in use" : "not adopted, the version in use does better");
        return retrained;
    }

    /** A version put in use by hand, and the one it replaced. */
    public record Switch(Instant at, String moderator, long from, long to) {
    }

    /**
     * Puts an adopted version back in use (a rollback, or forward again) and records who did it and which version it
     * replaced; returns that version's id, or the chosen one's when it is in use already.
     */
    public synchronized long use(long id, Long moderator) {
        Version version = QuarkusTransaction.requiringNew().call(() -> version(id))
                .orElseThrow(() -> new NotFoundException("Screening model version " + id));
        if (!version.adopted()) {
            throw new ConflictException("Version " + id + " did worse than the model in use when it was trained and "
                    + "was never used. Choose a version that was in use before.");
        }
        InUse current = inUse;
        ScreeningModel model = current.versionId() == id ? current.model() : modelOf(version);
        long replaced = QuarkusTransaction.requiringNew().call(() -> {
            Version before = activeVersion(true).orElseThrow();
            if (before.id() != id) {
                activate(id);
                em.createNativeQuery("insert into screening_model_switch (moderator_id, from_version, to_version) values (?1, ?2, ?3)")
                        .setParameter(1, moderator).setParameter(2, before.id()).setParameter(3, id).executeUpdate();
            }
            return before.id();
        });
        inUse = new InUse(id, model);
        return replaced;
    }

    /** The newest versions put in use by hand, newest first. */
    public List<Switch> switches() {
        return QuarkusTransaction.requiringNew().call(() -> NamedRow.all(em.createNativeQuery("""
                select s.created_at, m.handle as moderator, s.from_version, s.to_version
                from screening_model_switch s left join member m on m.id = s.moderator_id
                order by s.created_at desc, s.id desc limit 20""", Tuple.class)).stream()
                .map(r -> new Switch(r.instant("created_at"), r.text("moderator"), r.number("from_version"), r.number("to_version")))
                .toList());
    }

    /** Every version, newest first (the 50 newest). */
    public List<Version> versions() {
        return QuarkusTransaction.requiringNew().call(() -> NamedRow.all(em.createNativeQuery(VERSION
                + " order by v.id desc limit 50", Tuple.class)).stream().map(ScreeningModels::version).toList());
    }

    /** Lessons learnt since the version in use was trained. */
    public long newLessons() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from screening_lesson where id > coalesce(
                    (select last_lesson_id from screening_model_version where active), 0)""").getSingleResult()).longValue());
    }

    /** Takes up the version the database marks active if this instance uses another (one trained elsewhere). */
    @Scheduled(every = "${backstory.screening.model.sync-every}", delayed = "${backstory.screening.model.sync-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        Optional<Version> active = QuarkusTransaction.requiringNew().call(() -> activeVersion(false));
        if (active.isPresent() && active.get().id() != inUse.versionId()) {
            synchronized (this) {
                inUse = new InUse(active.get().id(), modelOf(active.get()));
            }
            LOG.infof("Screening model version %d taken up", active.get().id());
        }
    }

    private long retrainIfTaught() {
        Retrained retrained = retrain(TrainedFor.SCHEDULE, null);
        return retrained.nothingNew() ? 0 : retrained.version().id();
    }

    /** The shipped model's row, its figures those of this release; in use if nothing else is. */
    private void recordShipped() {
        // Inserted only when missing: an insert that meets the conflict would still draw an id from the sequence at
        // every start, and the page's version numbers would skip. ON CONFLICT covers two instances starting together.
        withShippedFigures(em.createNativeQuery("""
                insert into screening_model_version (trained_for, last_lesson_id, training_size, lessons, unsafe_recall,
                    red_flag_recall, spam_recall, benign_flagged, benign_held, adopted, active)
                select %1$s, 0, ?1, 0, ?2, ?3, ?4, ?5, ?6, true,
                       not exists (select 1 from screening_model_version where active)
                where not exists (select 1 from screening_model_version where trained_for = %1$s)
                on conflict (trained_for) where trained_for = %1$s do nothing""".formatted(SqlEnum.literal(TrainedFor.SHIPPED))))
                .executeUpdate();
        withShippedFigures(em.createNativeQuery("""
                update screening_model_version set training_size = ?1, unsafe_recall = ?2, red_flag_recall = ?3,
                    spam_recall = ?4, benign_flagged = ?5, benign_held = ?6 where trained_for = %s"""
                .formatted(SqlEnum.literal(TrainedFor.SHIPPED)))).executeUpdate();
    }

    /** This release's training size and figures as parameters 1 to 6. */
    private Query withShippedFigures(Query query) {
        return query.setParameter(1, training.size()).setParameter(2, shippedScore.unsafeRecall())
                .setParameter(3, shippedScore.redFlagRecall()).setParameter(4, shippedScore.spamRecall())
                .setParameter(5, shippedScore.benignFlagged()).setParameter(6, shippedScore.benignHeld());
    }

    private ScreeningModel modelOf(Version version) {
        return version.trainedFor() == TrainedFor.SHIPPED ? shipped : trainWith(lessons.upTo(version.lastLessonId()));
    }

    /**
     * The shipped training sentences and the lessons, each lesson {@value #LESSON_WEIGHT} times: a moderator's decision
     * on this community's own words says more than one written sentence among two thousand (once, four approvals
     * moved nothing). A lesson about an evaluation sentence stays out of training.
     */
    private ScreeningModel trainWith(List<LabelledSentence> taught) {
        List<Example> examples = new ArrayList<>(training);
        for (LabelledSentence lesson : taught) {
            if (!TrainingData.isEvaluation(lesson.text())) {
                Example example = new Example(lesson.label(), lesson.text(), embedder.features(lesson.text()));
                for (int i = 0; i < LESSON_WEIGHT; i++) {
                    examples.add(example);
                }
            }
        }
        return ModelTrainer.standard().train(examples);
    }

    static final int LESSON_WEIGHT = 3;

    private void activate(long id) {
        em.createNativeQuery("update screening_model_version set active = false where active").executeUpdate();
        em.createNativeQuery("update screening_model_version set active = true where id = ?1").setParameter(1, id).executeUpdate();
    }

    private static final String VERSION = """
            select v.id, v.created_at, v.trained_for, m.handle as requested_by, v.last_lesson_id, v.training_size, v.lessons,
                   v.unsafe_recall, v.red_flag_recall, v.spam_recall, v.benign_flagged, v.benign_held, v.adopted, v.active,
                   v.compared_with
            from screening_model_version v left join member m on m.id = v.requested_by""";

    private Optional<Version> version(long id) {
        return NamedRow.all(em.createNativeQuery(VERSION + " where v.id = ?1", Tuple.class).setParameter(1, id)).stream()
                .map(ScreeningModels::version).findFirst();
    }

    private Optional<Version> activeVersion(boolean lock) {
        return NamedRow.all(em.createNativeQuery(VERSION + " where v.active" + (lock ? " for update of v" : ""), Tuple.class))
                .stream().map(ScreeningModels::version).findFirst();
    }

    private static Version version(NamedRow r) {
        return new Version(r.number("id"), r.instant("created_at"), r.enumValue("trained_for", TrainedFor.class),
                r.text("requested_by"), r.number("last_lesson_id"), (int) r.number("training_size"), (int) r.number("lessons"),
                new ModelScore(r.decimal("unsafe_recall"), r.decimal("red_flag_recall"), r.decimal("spam_recall"),
                        r.decimal("benign_flagged"), r.decimal("benign_held")),
                r.bool("adopted"), r.bool("active"), r.numberOrNull("compared_with"));
    }
}

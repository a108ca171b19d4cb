package io.backstory.moderation.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds the screening model in use. At start-up it reads the training sentences and their shipped embeddings, embeds
 * any the file lacks, and trains on the training split (a few seconds; the regression is small).
 */
@Startup
@ApplicationScoped
public class ScreeningModels {

    private static final Logger LOG = Logger.getLogger(ScreeningModels.class);

    private final SentenceEmbedder embedder;
    private final List<Example> training = new ArrayList<>();
    private final List<Example> evaluation = new ArrayList<>();
    private final ScreeningModel current;

    ScreeningModels(SentenceEmbedder embedder,
            @ConfigProperty(name = "backstory.screening.model.write-embeddings") Optional<Path> writeEmbeddings) {
        this.embedder = embedder;
        long started = System.nanoTime();
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
        for (LabelledSentence s : sentences) {
            Example example = new Example(s.label(), s.text(), SentenceEmbedder.withContext(s.text(), embeddings.get(s.text())));
            (TrainingData.isEvaluation(s.text()) ? evaluation : training).add(example);
        }
        current = ModelTrainer.standard().train(training);
        LOG.infof("Screening model trained on %d sentences (%d kept for evaluation) in %d ms; thresholds %s",
                training.size(), evaluation.size(), (System.nanoTime() - started) / 1_000_000, current.thresholds());
    }

    public List<Example> evaluationSplit() {
        return List.copyOf(evaluation);
    }

    /** What the model in use says of one sentence. */
    public ScreeningModel.Verdict judge(String sentence) {
        return current.judge(embedder.features(sentence));
    }
}

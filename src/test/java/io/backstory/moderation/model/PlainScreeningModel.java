package io.backstory.moderation.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The shipped screening model as {@link ScreeningModels} takes it up at start-up, without Quarkus: the real e5
 * embeddings, the training split, the model the build trained on it ({@link ShippedModel}). Loaded once per test JVM.
 */
public final class PlainScreeningModel {

    private static PlainScreeningModel shipped;

    private final SentenceEmbedder embedder;
    private final ScreeningModels.Split split;
    private final ScreeningModel model;
    private final List<LabelledSentence> evaluation;

    private PlainScreeningModel() throws Exception {
        embedder = new SentenceEmbedder(Path.of(System.getProperty("java.io.tmpdir"), "backstory-native"));
        split = ScreeningModels.split(embedder, Optional.empty());
        model = ShippedModel.of(split).model();
        evaluation = split.evaluation().stream().map(e -> new LabelledSentence(e.label(), e.text())).toList();
    }

    public static synchronized PlainScreeningModel shipped() {
        if (shipped == null) {
            try {
                shipped = new PlainScreeningModel();
            } catch (Exception e) {
                throw new IllegalStateException("could not load the screening model", e);
            }
        }
        return shipped;
    }

    /** What the model says of one sentence, as {@link ScreeningModels#judge} does. */
    public ScreeningModel.Verdict judge(String sentence) {
        return model.judge(embedder.features(sentence));
    }

    /** The shipped sentences with their features, as the model was trained on them. */
    ScreeningModels.Split split() {
        return split;
    }

    public ScreeningModel.Thresholds thresholds() {
        return model.thresholds();
    }

    /** The evaluation split of the training data: never trained on. */
    public List<LabelledSentence> evaluation() {
        return evaluation;
    }
}

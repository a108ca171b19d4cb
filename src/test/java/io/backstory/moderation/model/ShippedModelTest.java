package io.backstory.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model the build trains and each start reads: the same model a start would train, and only for its own inputs. */
class ShippedModelTest {

    private final PlainScreeningModel plain = PlainScreeningModel.shipped();

    @Test
    void theBuildsModelIsTheOneTrainingGivesForTheSameSentences() {
        ScreeningModels.Split split = plain.split();
        ShippedModel built = ShippedModel.of(split);
        assertTrue(built.fromBuild(), "the build wrote " + ShippedModel.RESOURCE + " for these sentences and this code");
        ShippedModel trained = ShippedModel.train(split);
        assertEquals(trained.model().thresholds(), built.model().thresholds());
        assertEquals(trained.score(), built.score());
        assertTrue(Arrays.deepEquals(ModelTrainer.regressionWeights(trained.model()), ModelTrainer.regressionWeights(built.model())));
        for (Example example : split.evaluation()) {
            assertEquals(trained.model().judge(example.features()), built.model().judge(example.features()), example.text());
        }
    }

    @Test
    void aFileForOtherSentencesIsNotTaken(@TempDir Path folder) throws Exception {
        ScreeningModels.Split split = plain.split();
        Path file = folder.resolve("model.bin");
        ShippedModel built = ShippedModel.of(split);
        String fingerprint = ShippedModel.fingerprint(split).orElseThrow();
        built.write(file, fingerprint);
        assertTrue(ShippedModel.read(new ByteArrayInputStream(Files.readAllBytes(file)), fingerprint, split).isPresent());

        List<Example> relabelled = new ArrayList<>(split.training());
        Example first = relabelled.get(0);
        relabelled.set(0, new Example(first.label() == SentenceLabel.BENIGN ? SentenceLabel.SPAM : SentenceLabel.BENIGN,
                first.text(), first.features()));
        ScreeningModels.Split other = new ScreeningModels.Split(relabelled, split.evaluation());
        String otherFingerprint = ShippedModel.fingerprint(other).orElseThrow();
        assertNotEquals(fingerprint, otherFingerprint, "one label changed");
        assertTrue(ShippedModel.read(new ByteArrayInputStream(Files.readAllBytes(file)), otherFingerprint, other).isEmpty());
    }
}

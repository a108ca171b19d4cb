package io.backstory.moderation.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sentence embeddings from quantized e5-small-v2 (ONNX Runtime, in-process, the model files inside its jar), with
 * the context features appended. Loaded once. Recent sentences are cached, so the live preview re-embeds only the
 * sentence being typed.
 */
@ApplicationScoped
public class SentenceEmbedder {

    /** e5 was trained with this prefix for texts compared with each other. */
    private static final String PREFIX = "query: ";

    private final EmbeddingModel model;
    private final Cache<String, float[]> recent = Caffeine.newBuilder().maximumSize(20_000).build();

    SentenceEmbedder(@ConfigProperty(name = "backstory.screening.model.native-dir") Path nativeDir) throws Exception {
        // DJL extracts its native tokenizer library under its cache folder (the user's home by default), which a
        // read-only container cannot write; ONNX Runtime extracts under java.io.tmpdir (set in docker/Dockerfile).
        Files.createDirectories(nativeDir);
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", nativeDir.toAbsolutePath().toString());
        }
        model = new E5SmallV2QuantizedEmbeddingModel(Runnable::run);
    }

    /** The model's features of one sentence: its embedding, then {@link ContextFeatures}. */
    public float[] features(String sentence) {
        return recent.get(sentence, s -> withContext(s, embedding(s)));
    }

    /** The bare embeddings of many sentences at once (faster than one by one). */
    List<float[]> embeddings(List<String> sentences) {
        return model.embedAll(sentences.stream().map(s -> TextSegment.from(PREFIX + s)).toList())
                .content().stream().map(e -> e.vector()).toList();
    }

    private float[] embedding(String sentence) {
        return model.embed(PREFIX + sentence).content().vector();
    }

    static float[] withContext(String sentence, float[] embedding) {
        float[] context = ContextFeatures.of(sentence);
        float[] features = Arrays.copyOf(embedding, embedding.length + context.length);
        System.arraycopy(context, 0, features, embedding.length, context.length);
        return features;
    }
}

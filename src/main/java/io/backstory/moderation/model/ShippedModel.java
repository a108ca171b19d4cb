package io.backstory.moderation.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The shipped screening model and its figures on the evaluation split. The build trains it once ({@link #main}, run by
 * Maven in the process-classes phase) and keeps what training learnt in {@value #RESOURCE}, with a fingerprint of the
 * sentences, their features and the code that trained it. A start whose fingerprint matches takes the model from there
 * instead of training the same one again (about five seconds of every start, which the test command makes over a dozen
 * times); any difference, or no file (a build that skipped the step), and it trains as before.
 */
public record ShippedModel(ScreeningModel model, ModelScore score, boolean fromBuild) {

    private static final Logger LOG = Logger.getLogger(ShippedModel.class);

    static final String RESOURCE = "screening/shipped-model.bin";

    /** What decides the trained model besides its sentences: a change to any of these trains it anew. */
    private static final List<Class<?>> TRAINING_CODE = List.of(ModelTrainer.class, LogisticRegression.class,
            LogisticRegression.Options.class, NeighbourBlend.class, Standardiser.class, Rows.class, ScreeningModel.class,
            ModelScore.class, ShippedModel.class);

    /** The model the build kept for exactly this split, or else one trained now. */
    static ShippedModel of(ScreeningModels.Split split) {
        Optional<String> fingerprint = fingerprint(split);
        try (InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (fingerprint.isPresent() && in != null) {
                Optional<ShippedModel> kept = read(in, fingerprint.get(), split);
                if (kept.isPresent()) {
                    return kept.get();
                }
                LOG.infof("%s was built from other sentences or code; training the shipped model now", RESOURCE);
            }
        } catch (IOException e) {
            LOG.warnf(e, "could not read %s; training the shipped model now", RESOURCE);
        }
        return train(split);
    }

    static ShippedModel train(ScreeningModels.Split split) {
        ScreeningModel model = ModelTrainer.standard().train(split.training());
        return new ShippedModel(model, ModelScore.of(model, split.evaluation()), false);
    }

    static Optional<ShippedModel> read(InputStream file, String fingerprint, ScreeningModels.Split split) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(file));
        if (!in.readUTF().equals(fingerprint)) {
            return Optional.empty();
        }
        double[][] weights = new double[in.readInt()][in.readInt()];
        for (double[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = in.readDouble();
            }
        }
        ScreeningModel.Thresholds thresholds = new ScreeningModel.Thresholds(readMap(in), in.readDouble(), readMap(in),
                readMap(in), readMap(in));
        ModelScore score = new ModelScore(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        return Optional.of(new ShippedModel(ModelTrainer.standardFrom(split.training(), weights, thresholds), score, true));
    }

    void write(Path file, String fingerprint) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(fingerprint);
            double[][] weights = ModelTrainer.regressionWeights(model);
            out.writeInt(weights.length);
            out.writeInt(weights[0].length);
            for (double[] row : weights) {
                for (double w : row) {
                    out.writeDouble(w);
                }
            }
            ScreeningModel.Thresholds t = model.thresholds();
            writeMap(out, t.flag());
            out.writeDouble(t.redFlagHold());
            writeMap(out, t.neighbourFloor());
            writeMap(out, t.benignToFlag());
            writeMap(out, t.benignToNote());
            for (double figure : List.of(score.unsafeRecall(), score.redFlagRecall(), score.spamRecall(),
                    score.benignFlagged(), score.benignHeld())) {
                out.writeDouble(figure);
            }
        }
    }

    /**
     * SHA-256 of every example of the split (label, text, features) and of the training code's class files; empty when
     * a class file cannot be read, so that nothing unknown is taken as the same.
     */
    static Optional<String> fingerprint(ScreeningModels.Split split) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (List<Example> part : List.of(split.training(), split.evaluation())) {
            digest.update(Integer.toString(part.size()).getBytes(StandardCharsets.UTF_8));
            for (Example example : part) {
                digest.update((example.label().name() + '\u0000' + example.text() + '\u0000').getBytes(StandardCharsets.UTF_8));
                for (float f : example.features()) {
                    int bits = Float.floatToIntBits(f);
                    digest.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
                }
            }
        }
        for (Class<?> code : TRAINING_CODE) {
            // the class file's own name: a nested class (the regression's options) is Outer$Nested.class
            String file = code.getName().substring(code.getPackageName().length() + 1) + ".class";
            try (InputStream in = code.getResourceAsStream(file)) {
                if (in == null) {
                    return Optional.empty();
                }
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static Map<SentenceLabel, Double> readMap(DataInputStream in) throws IOException {
        Map<SentenceLabel, Double> map = new EnumMap<>(SentenceLabel.class);
        for (int i = in.readInt(); i > 0; i--) {
            map.put(SentenceLabel.valueOf(in.readUTF()), in.readDouble());
        }
        return map;
    }

    private static void writeMap(DataOutputStream out, Map<SentenceLabel, Double> map) throws IOException {
        out.writeInt(map.size());
        for (var entry : new EnumMap<>(map).entrySet()) {
            out.writeUTF(entry.getKey().name());
            out.writeDouble(entry.getValue());
        }
    }

    /**
     * The build's step: trains the shipped model and writes it to the file named by the first argument; the second
     * names the folder for the embedder's native libraries (used only if a training sentence lacks its embedding).
     */
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ScreeningModels.Split split = ScreeningModels.split(new SentenceEmbedder(Path.of(args[1])), Optional.empty());
        String fingerprint = fingerprint(split).orElseThrow(() -> new IllegalStateException("the training code's class files"));
        ShippedModel shipped = train(split);
        shipped.write(Path.of(args[0]), fingerprint);
        System.out.printf("Shipped screening model trained on %d sentences in %d ms; written to %s%n",
                split.training().size(), (System.nanoTime() - started) / 1_000_000, args[0]);
    }
}

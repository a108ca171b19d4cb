package io.backstory.moderation.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The embeddings of the training sentences, computed once and shipped in {@value #RESOURCE}, so a start does not spend
 * half a minute embedding two thousand sentences. Sentences missing from it are embedded at start-up and the whole set
 * can be written out to refresh the file (README, "Screening model").
 */
final class ShippedEmbeddings {

    static final String RESOURCE = "screening/training-embeddings.bin.gz";

    private ShippedEmbeddings() {
    }

    static Map<String, float[]> read() {
        InputStream in = ShippedEmbeddings.class.getClassLoader().getResourceAsStream(RESOURCE);
        Map<String, float[]> embeddings = new HashMap<>();
        if (in == null) {
            return embeddings;
        }
        // buffered after the inflater: DataInputStream reads a float a byte at a time
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16))) {
            int count = data.readInt();
            int dimension = data.readInt();
            for (int i = 0; i < count; i++) {
                String text = data.readUTF();
                float[] vector = new float[dimension];
                for (int j = 0; j < dimension; j++) {
                    vector[j] = data.readFloat();
                }
                embeddings.put(text, vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return embeddings;
    }

    static void write(Map<String, float[]> embeddings, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out, 1 << 16))) {
                data.writeInt(embeddings.size());
                data.writeInt(embeddings.values().iterator().next().length);
                for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(embeddings).entrySet()) {
                    data.writeUTF(e.getKey());
                    for (float v : e.getValue()) {
                        data.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

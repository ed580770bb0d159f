package io.ragline.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT sentence encoder that reads every word-piece of a text: the text is cut into the model's own
 * window (its tokenizer's truncation length, which the model was trained on), each window is pooled as
 * the model's sentence-transformers configuration does, and the windows are averaged by their length.
 *
 * <p>Written here because LangChain4j's encoder cuts texts at its tokenizer's window and drops the rest
 * (its own partitioning only starts at 510 word-pieces, past a window of 128), and DJL's tokenizer already
 * does the cutting: its overflowing encodings are the windows.
 */
final class WindowedEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean clsPooling;

    /** @param clsPooling the text's vector is its [CLS] token's (BGE); else the mean of its tokens' (MiniLM) */
    WindowedEncoder(OrtEnvironment environment, OrtSession session, InputStream tokenizerJson, boolean clsPooling) {
        this.environment = environment;
        this.session = session;
        this.clsPooling = clsPooling;
        this.inputs = session.getInputNames();
        try {
            // the window (maxLength) stays the one the model's tokenizer file sets
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false", "truncation", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Word-pieces the model reads in one pass, its two special tokens included. */
    int window() {
        return tokenizer.getMaxLength();
    }

    float[] embed(String text) {
        Encoding first = tokenizer.encode(text, true, true);
        List<Encoding> windows = new ArrayList<>();
        windows.add(first);
        windows.addAll(List.of(first.getOverflowing()));
        int dimension = 0;
        float[] sum = null;
        long weights = 0;
        for (Encoding window : windows) {
            float[] pooled = pooled(window);
            if (sum == null) {
                dimension = pooled.length;
                sum = new float[dimension];
            }
            long weight = window.getIds().length;
            for (int d = 0; d < dimension; d++) {
                sum[d] += pooled[d] * weight;
            }
            weights += weight;
        }
        for (int d = 0; d < dimension; d++) {
            sum[d] /= weights;
        }
        return normalized(sum);
    }

    private float[] pooled(Encoding window) {
        long[] shape = {1, window.getIds().length};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(window.getIds()), shape));
            feed.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(window.getAttentionMask()), shape));
            if (inputs.contains(TOKEN_TYPE_IDS)) {
                feed.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(window.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(feed)) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                if (clsPooling) {
                    return tokens[0];
                }
                float[] mean = new float[tokens[0].length];
                for (float[] token : tokens) {
                    for (int d = 0; d < mean.length; d++) {
                        mean[d] += token[d];
                    }
                }
                for (int d = 0; d < mean.length; d++) {
                    mean[d] /= tokens.length;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on a text", e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] normalized(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}

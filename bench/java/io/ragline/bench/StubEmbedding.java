package io.ragline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.ragline.embedding.Embedder;

/**
 * A Spring source for benchmarks: replaces the embedding model with one that costs next to nothing, so
 * what remains is Camel, chunking, the store and the bookkeeping. Registered explicitly, never scanned.
 */
public class StubEmbedding {

    @Bean
    @Primary
    Embedder stubEmbedder() {
        return new StubEmbedder();
    }

    /** 384 dimensions like the real model, each text's vector seeded by its hash so the index sees distinct vectors. */
    static final class StubEmbedder implements Embedder {

        private static final int DIMENSION = 384;

        @Override
        public String modelName() {
            return "stub/hashed-384";
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (String text : texts) {
                SplittableRandom random = new SplittableRandom(text.hashCode());
                float[] vector = new float[DIMENSION];
                for (int i = 0; i < DIMENSION; i++) {
                    vector[i] = (float) random.nextGaussian();
                }
                vectors.add(vector);
            }
            return vectors;
        }
    }
}

package io.ragline.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The uncased BERT word-pieces both bundled MiniLM models read, from the tokenizer file langchain4j ships. */
public final class ModelVocabulary {

    private static final String TOKENIZER = "/bert-tokenizer.json";

    private ModelVocabulary() {
    }

    /** The word-pieces in id order, read from the tokenizer file's {@code model.vocab} map. */
    public static String[] pieces() {
        try (InputStream in = ModelVocabulary.class.getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("word-piece vocabulary " + TOKENIZER + " is not on the classpath");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            String[] pieces = new String[vocab.size()];
            vocab.fields().forEachRemaining(entry -> pieces[entry.getValue().asInt()] = entry.getKey());
            return pieces;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

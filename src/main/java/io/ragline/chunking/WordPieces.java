package io.ragline.chunking;

import java.util.Arrays;
import java.util.regex.Pattern;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.bert.BertFullTokenizer;

import io.ragline.text.ModelVocabulary;

/**
 * Counts a text's word-pieces in the uncased BERT vocabulary both MiniLM models use, with DJL's
 * pure-Java BERT tokenizer over the vocabulary langchain4j ships for its own estimator.
 * <p>
 * langchain4j's estimator asks the native HuggingFace tokenizer, which builds offsets, masks and one Java
 * string per token across JNI only to be counted: three to four times the cost, and most of chunking's.
 * The counts agree, except that a word of 101 to 200 characters is one unknown piece to the model and
 * several here: such a chunk comes out smaller than it could be, never larger.
 */
public final class WordPieces {

    private static final String UNKNOWN = "[UNK]";
    /** Format, private-use and unassigned characters, which BERT's normaliser drops and DJL's keeps. */
    private static final Pattern DROPPED = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}]");

    private final BertFullTokenizer tokenizer;

    public WordPieces() {
        this.tokenizer = new BertFullTokenizer(
                DefaultVocabulary.builder().add(Arrays.asList(ModelVocabulary.pieces())).optUnknownToken(UNKNOWN).build(), true);
    }

    public int count(String text) {
        return tokenizer.tokenize(DROPPED.matcher(text).replaceAll("")).size();
    }
}

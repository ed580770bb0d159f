package io.ragline.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a question that name something rather than say something: codes, identifiers, names
 * ({@code ostbelkaix}, {@code b32decode}, {@code INC-20417}). A word counts when it holds a digit, or when
 * the embedding model does not know it as a word of its own: its vector then stands for look-alike
 * pieces, and only an exact match tells {@code ostbelkaix} from {@code ostkakaix}. The stores lift the
 * chunks holding such a word, when few do ({@code ragline.query.exact-match-chunks}).
 */
public final class Identifiers {

    static final int MIN_LENGTH = 3;
    /** A question names a few things; each costs the store a lookup, so a question of nothing but codes is cut short. */
    public static final int MAX_PER_QUESTION = 8;
    private static final Set<String> WORDS = Arrays.stream(ModelVocabulary.pieces())
            .filter(piece -> !piece.startsWith("##"))
            .collect(Collectors.toUnmodifiableSet());
    private static final Analyzer TOKENS = lowerCasedWords();
    private static final String[] ENDINGS = {"s", "es", "ed", "d", "ing", "ly", "er", "ers", "ies"};

    private Identifiers() {
    }

    /** The question's identifier words, lower-cased, as the text's tokenizer cuts them; the first {@link #MAX_PER_QUESTION}. */
    public static Set<String> in(String text) {
        Set<String> identifiers = new LinkedHashSet<>();
        try (TokenStream stream = TOKENS.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (identifiers.size() < MAX_PER_QUESTION && stream.incrementToken()) {
                String word = term.toString();
                if (word.length() >= MIN_LENGTH && (word.chars().anyMatch(Character::isDigit) || !known(word))) {
                    identifiers.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return identifiers;
    }

    /** A word of the vocabulary, or one with an English ending whose stem is ({@code docs}, {@code parsed}). */
    private static boolean known(String word) {
        if (WORDS.contains(word)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_LENGTH) {
                String stem = word.substring(0, word.length() - ending.length());
                if (WORDS.contains(stem) || WORDS.contains(stem + "e")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Analyzer lowerCasedWords() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase").build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the identifier tokenizer", e);
        }
    }
}

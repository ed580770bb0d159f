package io.ragline.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

class WordPiecesTest {

    /** The tokenizer the model runs, the reference for every count. */
    static HuggingFaceTokenCountEstimator modelTokenizer;
    static WordPieces wordPieces;

    @BeforeAll
    static void tokenizers() {
        modelTokenizer = new HuggingFaceTokenCountEstimator();
        wordPieces = new WordPieces();
    }

    @Test
    void countsAsTheModelsTokenizerDoesOnProseCodeAndOtherScripts() {
        List<String> texts = List.of(
                "The quick brown fox jumps over the lazy dog; electroencephalography isn't polysyllabic?",
                "Café naïve résumé, ÅNGSTRÖM and İstanbul: accents are stripped, case is folded.",
                "x = foo(bar[1], baz={'k': 2.5e-3}) // returns -1 on error <a href=\"/docs\">docs</a>",
                "日本語のテキスト, Ελληνικά and кириллица, emoji 😀 and flags 🇫🇷 become unknown pieces.",
                "tabs\tand\r\nnew lines, zero\u200bwidth, no-break\u00a0spaces and a\u0301 combining accent",
                "soft\u00adhyphen, \ufeffbyte order mark, private\ue000use",
                "1,000.50 $ € ¥ § ¶ ™ -- don't stop-the-music... ＦＵＬＬ width",
                "");
        for (String text : texts) {
            assertThat(wordPieces.count(text)).as(text).isEqualTo(modelTokenizer.estimateTokenCountInText(text));
        }
    }

    @Test
    void aWordTooLongForTheModelCountsAsMorePiecesNeverFewer() {
        String longWord = "a".repeat(150);

        assertThat(modelTokenizer.estimateTokenCountInText(longWord)).isEqualTo(1);
        assertThat(wordPieces.count(longWord)).isGreaterThan(1);
    }
}

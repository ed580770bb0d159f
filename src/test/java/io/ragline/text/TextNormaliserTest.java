package io.ragline.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.ragline.document.DocumentRejectedException;

class TextNormaliserTest {

    private final TextNormaliser normaliser = new TextNormaliser();

    @Test
    void collapsesWhitespaceAndRemovesControlCharacters() {
        String raw = "  Title\u0000\r\n\r\n\r\n\r\nFirst\t\tline   with\u00a0spaces \u0007\nsecond line\u200b  \n\n\n";

        assertThat(normaliser.normalise(raw)).isEqualTo("Title\n\nFirst line with spaces\nsecond line");
    }

    @Test
    void composesUnicode() {
        assertThat(normaliser.normalise("cafe\u0301")).isEqualTo("caf\u00e9");
    }

    @Test
    void emptyTextIsAnError() {
        assertThatThrownBy(() -> normaliser.normalise(" \u0000\n\t ")).isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("no text");
        assertThatThrownBy(() -> normaliser.normalise(null)).isInstanceOf(DocumentRejectedException.class);
    }

    @Test
    void textOfPrivateUseNoncharactersOrMarksAloneHasNothingVisible() {
        for (String invisible : new String[] {"\ue000\uf8ff", "\ufdd0\ufff0\uffff", "\u034f\u034f", "\u0301 \u0300", "\udbc0\udc00"}) {
            assertThatThrownBy(() -> normaliser.normalise(invisible)).as("%s", invisible.codePoints().boxed().toList())
                    .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("no letter, digit, punctuation or symbol");
        }
        assertThat(normaliser.normalise("\ue000tide\ufdd0s")).isEqualTo("tides");
        assertThat(normaliser.normalise("\u2603")).as("a symbol alone is visible").isEqualTo("\u2603");
        assertThat(normaliser.normalise("\ud83c\udf0a")).as("an emoji is a symbol").isEqualTo("\ud83c\udf0a");
    }
}

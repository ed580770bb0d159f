package io.ragline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTermsTest {

    @Test
    void englishWordsAreLowerCasedStemmedAndStopWordsDropped() {
        assertThat(TextTerms.of("How many days of paid leave do I get?")).containsExactly("how", "mani", "dai", "paid", "leav", "do", "i", "get");
    }

    @Test
    void identifiersAndFileNamesAlsoYieldTheirParts() {
        assertThat(TextTerms.of("argparse.HelpFormatter")).contains("argparse.helpformatt", "argpars", "help", "formatt");
        assertThat(TextTerms.of("leave_policy.md")).contains("leav", "polici");
        assertThat(TextTerms.of("the employee's handbook")).containsExactly("employe", "handbook");
    }
}

package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerSentencesTest {

    @Test
    void markdownHeadingsAreNotRunIntoTheProseAfterThem() {
        String chunk = "# Leave policy\n\nFull-time employees receive 25 days of paid leave per calendar year, plus public holidays.\n"
                + "Up to five unused days may be carried over; they expire on 31 March.\n\n## Sick leave\n\nReport sickness before 10 a.m.";

        assertThat(AnswerSentences.of(chunk)).containsExactly(
                "Full-time employees receive 25 days of paid leave per calendar year, plus public holidays.",
                "Up to five unused days may be carried over; they expire on 31 March.",
                "Report sickness before 10 a.m.");
    }

    @Test
    void wrappedLinesJoinAndListItemsStandAlone() {
        String chunk = "Leave is requested in the HR portal at least two weeks ahead for absences\n"
                + "longer than three days.\n- Bring your badge\n- Sign the form\n2) Hand it to the desk.";

        assertThat(AnswerSentences.of(chunk)).containsExactly(
                "Leave is requested in the HR portal at least two weeks ahead for absences longer than three days.",
                "Bring your badge", "Sign the form", "Hand it to the desk.");
    }

    @Test
    void aTitleOnALineOfItsOwnIsNotASentence() {
        assertThat(AnswerSentences.of("Ibis\nIbises wade in shallow water. They eat insects."))
                .containsExactly("Ibises wade in shallow water.", "They eat insects.");
    }

    @Test
    void aChunkOfHeadingsAloneIsQuotedByThemAndAMarkerAloneAsItStands() {
        assertThat(AnswerSentences.of("# Appendix\n## Tables")).containsExactly("Appendix", "Tables");
        assertThat(AnswerSentences.of("#")).containsExactly("#");
    }
}

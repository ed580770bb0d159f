package io.ragline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.ragline.document.DocumentRejectedException;
import io.ragline.document.Limits;
import io.ragline.support.InboxFiles;
import io.ragline.support.Settings;

class ContentExtractorTest {

    private final ContentExtractor extractor = new ContentExtractor(Settings.defaults(Limits.class));

    @Test
    void extractsTextFromEverySupportedFormat() {
        assertThat(extractor.extract("plain words".getBytes(StandardCharsets.UTF_8), "a.txt")).contains("plain words");
        assertThat(extractor.extract("# Head\n\nmark *down*".getBytes(StandardCharsets.UTF_8), "a.md")).contains("mark *down*");
        assertThat(extractor.extract("<html><body><p>hyper text</p><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8), "a.html"))
                .contains("hyper text").doesNotContain("x()");
        assertThat(extractor.extract(InboxFiles.pdf("portable document"), "a.pdf")).contains("portable document");
        assertThat(extractor.extract(InboxFiles.docx("word processing"), "a.docx")).contains("word processing");
        assertThat(extractor.extract("no name given".getBytes(StandardCharsets.UTF_8), null)).contains("no name given");
    }

    /** 200,000 pages sharing one content stream: PDFBox alone never stops for a time limit. */
    @Test
    void aParseOverItsTimeStopsAndLeavesNoThreadBehind() {
        ContentExtractor limited = new ContentExtractor(Settings.with(Limits.class, Map.of("parse-timeout", "1s")));

        assertThatThrownBy(() -> limited.extract(pagesSharingOneStream(200_000), "crafted.pdf"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("ragline.limits.parse-timeout");
        await().atMost(Duration.ofSeconds(5)).until(() -> limited.runningParses() == 0);
        limited.close();
    }

    private static byte[] pagesSharingOneStream(int pages) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        String stream = "BT /F1 12 Tf 72 720 Td (The same words on every page of this document.) Tj ET";
        Consumer<String> object = body -> {
            offsets.add(pdf.length());
            pdf.append(offsets.size()).append(" 0 obj\n").append(body).append("\nendobj\n");
        };
        object.accept("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(5 + i).append(" 0 R ");
        }
        object.accept("<< /Type /Pages /Count " + pages + " /Kids [" + kids + "] >>");
        object.accept("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        object.accept("<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
        for (int i = 0; i < pages; i++) {
            object.accept("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(offsets.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void rejectsUnsupportedTypesByNameOrContent() {
        assertThatThrownBy(() -> extractor.extract("a,b\n1,2".getBytes(StandardCharsets.UTF_8), "table.csv"))
                .hasMessageContaining("unsupported content type: text/csv");
        assertThatThrownBy(() -> extractor.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "picture"))
                .hasMessageContaining("unsupported content type: image/png");
    }

    @Test
    void textWearingABinaryFormatsNameIsRejected() {
        assertThatThrownBy(() -> extractor.extract("junk".getBytes(StandardCharsets.UTF_8), "report.pdf"))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("could not parse application/pdf: the content is text/plain");
    }

    @Test
    void corruptFilesAreRejectedWithTheParserReason() {
        assertThatThrownBy(() -> extractor.extract("%PDF-1.4 nothing else".getBytes(StandardCharsets.US_ASCII), "x.pdf"))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("could not parse application/pdf");
    }

    @Test
    void randomBytesNamedAsTextAreRejected() {
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);

        assertThatThrownBy(() -> extractor.extract(noise, "notes.txt"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("binary data");
    }

    @Test
    void extractionStopsAtTheCharacterLimit() {
        ContentExtractor small = new ContentExtractor(limits(Map.of("extracted-chars", "1000")));

        assertThatThrownBy(() -> small.extract(InboxFiles.docx("word ".repeat(2_000)), "big.docx"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("ragline.limits.extracted-chars");
        small.close();
    }

    @Test
    void aParserTakingLongerThanTheTimeoutIsAbandoned() {
        ContentExtractor impatient = new ContentExtractor(limits(Map.of("parse-timeout", "1ns")));

        assertThatThrownBy(() -> impatient.extract(InboxFiles.pdf("slow ".repeat(5_000)), "slow.pdf"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("ragline.limits.parse-timeout");
        impatient.close();
    }

    private static Limits limits(Map<String, String> values) {
        return Settings.with(Limits.class, values);
    }
}

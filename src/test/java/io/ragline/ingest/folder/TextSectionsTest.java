package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSectionsTest {

    private static final int TARGET = 4096;

    @TempDir
    Path work;

    @Test
    void sectionsAreBoundedEndAtParagraphsAndLoseNothing() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 300; p++) {
            text.append("Paragraph ").append(p).append(" says something about topic ").append(p % 17).append(".\n")
                    .append("It has a second line.\n\n");
        }
        text.append("x".repeat(3 * TARGET)).append('\n');   // one line far longer than a section
        text.append("The last paragraph, after the long line.\n");
        List<String> sections = sectionsOf(text.toString());

        assertThat(String.join("", sections)).isEqualTo(text.toString());
        assertThat(sections).allSatisfy(section -> assertThat(section.length()).isLessThanOrEqualTo(2 * TARGET));
        assertThat(sections.get(0)).hasSizeGreaterThanOrEqualTo(TARGET).endsWith("\n\n");
        assertThat(sections.size()).isGreaterThan(text.length() / (2 * TARGET));
    }

    @Test
    void anEmptyFileHasNoSections() throws Exception {
        assertThat(sectionsOf("")).isEmpty();
    }

    private List<String> sectionsOf(String text) throws Exception {
        Path file = work.resolve("text.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<String> sections = new ArrayList<>();
        try (TextSections reader = new TextSections(file, TARGET)) {
            reader.forEachRemaining(sections::add);
        }
        return sections;
    }
}

package io.ragline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Rules of the source text that the compiler cannot see. */
class SourceRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern DIRECT_LITERAL = Pattern.compile("\"(direct:[^\"?]+)\"");

    @Test
    void noSourceFileIsOver300Lines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        for (Path file : sources()) {
            int lines = Files.readAllLines(file).size();
            if (lines > 300) {
                tooLong.put(MAIN.relativize(file).toString(), lines);
            }
        }
        assertThat(tooLong).isEmpty();
    }

    /** A search for an endpoint's name finds the constant, and through it producer and consumer. */
    @Test
    void everyDirectEndpointIsNamedOnceAndNeverBuiltByConcatenation() throws IOException {
        Map<String, Integer> names = new TreeMap<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("\"direct:\" +");
            Matcher literal = DIRECT_LITERAL.matcher(text);
            while (literal.find()) {
                names.merge(literal.group(1), 1, Integer::sum);
            }
        }
        assertThat(names).isNotEmpty().allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}

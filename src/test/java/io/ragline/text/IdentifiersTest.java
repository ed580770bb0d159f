package io.ragline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void codesNamesAndNumbersAreIdentifiersWordsAreNot() {
        assertThat(Identifiers.in("Where is shipment ostbelkaix stored?")).containsExactly("ostbelkaix");
        assertThat(Identifiers.in("What does error E4012 mean for order 20417?")).containsExactly("e4012", "20417");
        assertThat(Identifiers.in("How do I call b32decode from the deque docs?")).containsExactly("b32decode", "deque");
        assertThat(Identifiers.in("How many days of paid leave do I get in the harbour office?")).isEmpty();
    }

    @Test
    void aQuestionOfNothingButCodesIsCutShort() {
        String codes = "qzxa1 ".repeat(3) + String.join(" ", java.util.stream.IntStream.range(0, 50).mapToObj(i -> "zq" + i + "x").toList());
        assertThat(Identifiers.in(codes)).hasSize(Identifiers.MAX_PER_QUESTION);
    }
}

package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RequiresStack;

/** scripts/stack down, then up, with the volumes kept: every document is still answered. */
@Tag("stack")
@RequiresStack
class StackDownUpTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void everyDocumentSurvivesDownAndUp() {
        stack.awaitHealthy(Duration.ofMinutes(3));
        String id = "downup-" + Long.toString(System.currentTimeMillis(), 36);
        assertThat(stack.ingest(id, "The ferry to the island leaves every two hours from pier four.").status()).isEqualTo(200);
        long documents = Long.parseLong(stack.sql("SELECT count(DISTINCT (client_id, document_id)) FROM chunks"));

        Stack.Run down = stack.script("scripts/stack", "down");
        assertThat(down.exit()).as(down.output()).isZero();
        Stack.Run up = stack.script("scripts/stack", "up");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("export RAGLINE_URL=" + stack.url, "export RAGLINE_API_KEY=" + stack.apiKey);

        stack.awaitHealthy(Duration.ofMinutes(3));
        assertThat(Long.parseLong(stack.sql("SELECT count(DISTINCT (client_id, document_id)) FROM chunks"))).isEqualTo(documents);
        Stack.Reply answer = stack.query("Where does the island ferry leave from?");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo(id);
    }
}

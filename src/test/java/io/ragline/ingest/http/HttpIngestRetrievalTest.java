package io.ragline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.Corpus;
import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class HttpIngestRetrievalTest extends RaglineIntegrationTest {

    @Test
    void everyQuestionFindsItsOwnDocumentFirst() {
        String client = newClient("corpus");
        List<Corpus.Doc> corpus = Corpus.documents();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        List<Map<String, Object>> documents = new ArrayList<>();
        corpus.forEach(doc -> documents.add(Map.of("id", doc.id(), "title", doc.title(), "text", doc.text())));

        Reply ingest = http.post("/api/documents", Map.of("client_id", client, "documents", documents));

        assertThat(ingest.status()).isEqualTo(200);
        assertThat(ingest.json().get("processed_count").asInt()).isEqualTo(corpus.size());
        assertThat(ingest.json().get("chunk_count").asInt()).isEqualTo(corpus.size());
        assertThat(ingest.json().get("document_ids")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(corpus.stream().map(Corpus.Doc::id).toList());

        for (Corpus.Doc doc : corpus) {
            JsonNode answer = http.query(client, doc.question(), 3);
            assertThat(answer.get("sources").get(0).get("document_id").asText())
                    .as("first source for '%s'", doc.question())
                    .isEqualTo(doc.id());
            assertThat(answer.get("answer").asText()).contains("[1]");
        }
    }

    @Test
    void seedSmokePayloadIsAccepted() {
        Reply reply = http.post("/api/documents", "{\"documents\": [\"test document\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("processed_count").asInt()).isEqualTo(1);
        assertThat(reply.json().get("document_ids").get(0).asText()).startsWith("h-");
    }
}

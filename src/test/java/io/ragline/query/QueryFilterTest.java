package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

/** A query's metadata filter decides which documents may answer, and answers are cached per filter. */
@Tag("slow")
class QueryFilterTest extends RaglineIntegrationTest {

    @Test
    void onlyDocumentsMeetingTheFilterAnswerAndEachFilterHasItsOwnCachedAnswer() {
        String client = newClient("filters");
        http.post("/api/documents", Map.of("client_id", client, "documents", List.of(
                Map.of("id", "hr-leave", "text", "Employees get 25 days of paid leave a year.", "metadata", Map.of("dept", "hr", "year", 2024)),
                Map.of("id", "it-leave", "text", "Contractors in IT get 20 days of paid leave a year.", "metadata", Map.of("dept", "it", "year", 2021)),
                Map.of("id", "old-leave", "text", "Paid leave used to be 18 days a year.", "metadata", Map.of("dept", "hr", "year", 2015)))));

        assertThat(sources(client, Map.of("dept", "it"))).containsOnly("it-leave");
        assertThat(sources(client, Map.of("dept", "hr", "year", Map.of("gte", 2020)))).containsOnly("hr-leave");
        assertThat(sources(client, Map.of("dept", Map.of("in", List.of("hr", "it")), "year", Map.of("lt", 2022))))
                .containsOnly("it-leave", "old-leave");
        assertThat(sources(client, Map.of())).contains("hr-leave", "it-leave", "old-leave");
        assertThat(sources(client, Map.of("dept", "finance"))).as("nothing meets it").isEmpty();
        assertThat(sources(client, Map.of("dept", "it"))).as("the cached answer of this filter, not another's").containsOnly("it-leave");
    }

    @Test
    void aBadFilterIs400NamingIt() {
        Reply reply = http.post("/api/query", Map.of("query", "leave", "filter", Map.of("year", Map.of("between", List.of(1, 2)))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("filter.year: unknown field 'between'");
    }

    private List<String> sources(String client, Map<String, Object> filter) {
        Reply reply = http.post("/api/query", Map.of("client_id", client, "query", "How many days of paid leave a year?", "top_k", 5,
                "filter", filter));
        assertThat(reply.status()).isEqualTo(200);
        List<String> documents = new ArrayList<>();
        for (JsonNode source : reply.json().get("sources")) {
            documents.add(source.get("document_id").asText());
        }
        return documents;
    }
}

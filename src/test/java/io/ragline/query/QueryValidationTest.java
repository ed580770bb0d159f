package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class QueryValidationTest extends RaglineIntegrationTest {

    /** Each kind of refusal reaches the client as a 400 with its reason; the parser's own tests cover every rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "seed invalid payload | {\"invalid\": \"payload\"}                | unknown field 'invalid'",
        "missing query        | {\"client_id\": \"acme\"}                | query is required",
        "misspelt top_k       | {\"query\": \"q\", \"topk\": 3}            | unknown field 'topk'",
        "not JSON             | this is not json                           | not valid JSON",
        "top_k too large      | {\"query\": \"q\", \"top_k\": 51}          | top_k must be an integer between 1 and 50",
        "bad client id        | {\"query\": \"q\", \"client_id\": \"../x\"} | client_id must be",
    })
    void invalidRequestsAre400WithAnError(String name, String body, String error) {
        Reply reply = http.post("/api/query", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.json().get("error").asText()).contains(error);
    }

    @ParameterizedTest(name = "query of {0} characters")
    @CsvSource({"2000, 200", "2001, 400"})
    void queriesLongerThan2000CharactersAreRejected(int length, int status) {
        Reply reply = http.post("/api/query", "{\"query\": \"" + "a".repeat(length) + "\"}");

        assertThat(reply.status()).isEqualTo(status);
        if (status == 400) {
            assertThat(reply.json().get("error").asText()).contains("at most 2000 characters");
        }
    }
}

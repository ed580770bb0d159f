package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.Settings;

class QueryRequestParserTest {

    private final QueryRequestParser parser = new QueryRequestParser(new ObjectMapper(),
            Settings.with(QuerySettings.class, Map.of("max-query-length", "20", "max-top-k", "10")));

    @Test
    void aValidRequestIsStrippedAndDefaulted() {
        assertThat(parser.parse("{\"query\": \"  What is VAT? \"}")).isEqualTo(new QueryRequest("What is VAT?", "default", 5));
        assertThat(parser.parse("{\"query\": \"q\", \"client_id\": \"acme\", \"top_k\": 10}")).isEqualTo(new QueryRequest("q", "acme", 10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing query   | {\"client_id\": \"acme\"}                  | query is required",
        "blank query     | {\"query\": \"   \"}                        | query must not be blank",
        "not a string    | {\"query\": 42}                             | query must be a string",
        "too long        | {\"query\": \"123456789012345678901\"}      | at most 20 characters",
        "not JSON        | nope                                        | not valid JSON",
        "not an object   | [1]                                         | must be a JSON object",
        "top_k zero      | {\"query\": \"q\", \"top_k\": 0}            | top_k must be an integer between 1 and 10",
        "top_k too large | {\"query\": \"q\", \"top_k\": 11}           | top_k must be an integer between 1 and 10",
        "top_k fraction  | {\"query\": \"q\", \"top_k\": 2.5}          | top_k must be an integer",
        "bad client id   | {\"query\": \"q\", \"client_id\": \"../x\"} | client_id must be",
    })
    void badRequestsAreRejectedSayingWhy(String name, String body, String error) {
        assertThatThrownBy(() -> parser.parse(body)).hasMessageContaining(error);
    }
}

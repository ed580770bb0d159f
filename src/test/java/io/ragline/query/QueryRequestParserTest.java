package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.JsonBodies;
import io.ragline.document.Limits;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Range;
import io.ragline.support.Settings;
import io.ragline.text.TextNormaliser;

class QueryRequestParserTest {

    private final QueryRequestParser parser = new QueryRequestParser(new JsonBodies(new ObjectMapper(), Settings.with(Limits.class,
            Map.of("json-depth", "4"))), Settings.with(QuerySettings.class, Map.of("max-query-length", "20", "max-top-k", "10")),
            Settings.with(Limits.class, Map.of("query-terms", "3")), new TextNormaliser());

    @Test
    void aValidRequestIsStrippedAndDefaulted() {
        assertThat(parser.parse("{\"query\": \"  What is VAT? \"}")).isEqualTo(new QueryRequest("What is VAT?", "default", 5));
        assertThat(parser.parse("{\"query\": \"q\", \"client_id\": \"acme\", \"top_k\": 10}")).isEqualTo(new QueryRequest("q", "acme", 10));
    }

    @Test
    void aFilterBecomesConditionsOnMetadata() {
        QueryRequest request = parser.parse("{\"query\": \"q\", \"filter\": {\"dept\": \"hr\", \"team\": {\"in\": [\"a\", 2, true]},"
                + " \"year\": {\"gte\": 2020, \"lt\": 2025}, \"day\": {\"gt\": \"2024-05-01\"}}}");

        assertThat(request.filter().conditions()).containsExactly(
                new AnyOf("dept", List.of("hr")),
                new AnyOf("team", List.of("a", 2.0, true)),
                new Range("year", 2020.0, true, 2025.0, false),
                new Range("day", "2024-05-01", false, null, false));
        assertThat(parser.parse("{\"query\": \"q\"}").filter().isEmpty()).isTrue();
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
        "only invisible  | {\"query\": \"\\u200b\\u200d\\ufeff\\u0000\"}    | query has no visible characters",
        "too many terms  | {\"query\": \"cats dogs birds fish\"}        | 4 distinct search terms, more than 3",
        "top_k too big   | {\"query\": \"q\", \"top_k\": 18446744073709551617} | top_k must be an integer",
        "trailing data   | {\"query\": \"q\"} x                          | not valid JSON",
        "too deep        | {\"query\": \"q\", \"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}} | ragline.limits.json-depth",
        "filter array    | {\"query\": \"q\", \"filter\": [1]}          | filter must be an object of metadata keys",
        "filter operator | {\"query\": \"q\", \"filter\": {\"a\": {\"like\": 1}}} | filter.a: unknown field 'like'",
        "filter in empty | {\"query\": \"q\", \"filter\": {\"a\": {\"in\": []}}}  | filter.a.in must be an array of 1 to 100 values",
        "filter nested   | {\"query\": \"q\", \"filter\": {\"a\": null}}       | filter.a must be a string, a number, a boolean or an object",
        "filter bad date | {\"query\": \"q\", \"filter\": {\"a\": {\"gt\": \"May\"}}} | a range bound must be a number or an ISO date",
        "filter mixed    | {\"query\": \"q\", \"filter\": {\"a\": {\"gt\": 1, \"lt\": \"2024-01-01\"}}} | both bounds must be numbers, or both dates",
        "filter too many | {\"query\": \"q\", \"filter\": {\"a\": {\"in\": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90]}, \"b\": {\"in\": [1,2,3,4,5,6,7,8,9,10,11]}}} | filter lists more than 100 values in all",
        "filter two low  | {\"query\": \"q\", \"filter\": {\"a\": {\"gt\": 1, \"gte\": 2}}} | needs one lower bound",
        "misspelt field  | {\"query\": \"q\", \"topk\": 3}            | unknown field 'topk'; the fields are query, client_id, top_k, filter",
        "control in name | {\"query\": \"q\", \"a\\u0007b\": 3}          | unknown field 'a?b'",
        "long name       | {\"query\": \"q\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": 3} | unknown field 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'",
    })
    void badRequestsAreRejectedSayingWhy(String name, String body, String error) {
        assertThatThrownBy(() -> parser.parse(body)).hasMessageContaining(error);
    }
}

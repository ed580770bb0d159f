package io.ragline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRules;
import io.ragline.document.Limits;
import io.ragline.document.SourceDocument;
import io.ragline.support.Settings;
import io.ragline.text.TextNormaliser;

class DocumentsRequestParserTest {

    private final DocumentsRequestParser parser = new DocumentsRequestParser(new JsonBodies(new ObjectMapper(), Settings.defaults(Limits.class)), new TextNormaliser(),
            new DocumentRules(Settings.defaults(Limits.class)), 3);

    @Test
    void stringsAndObjectsBecomeSourceDocumentsOfTheClient() {
        List<SourceDocument> documents = parser.parse("""
                {"client_id": "acme", "documents": ["plain text",
                 {"id": "vat", "title": "VAT", "text": "The rate is 20%.", "metadata": {"lang": "en"}}]}""");

        assertThat(documents).hasSize(2).allSatisfy(document -> assertThat(document.clientId()).isEqualTo("acme"));
        assertThat(documents.get(0).text()).isEqualTo("plain text");
        assertThat(documents.get(0).documentId()).isNull();
        assertThat(documents.get(1).documentId()).isEqualTo("vat");
        assertThat(documents.get(1).title()).isEqualTo("VAT");
        assertThat(documents.get(1).metadata()).isEqualTo(Map.of("lang", "en"));
    }

    @Test
    void theDocumentLimitIsCheckedBeforeAnyDocument() {
        assertThatThrownBy(() -> parser.parse("{\"documents\": [\"a\", \"b\", \"c\", 7]}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("at most 3 documents per request, got 4 (ragline.ingest.max-documents-per-request)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no documents    | {\"client_id\": \"x\"}                              | documents must be a non-empty array",
        "empty documents | {\"documents\": []}                                 | documents must be a non-empty array",
        "blank text      | {\"documents\": [\"ok\", \"  \"]}                   | documents[1]: document has no text",
        "control chars   | {\"documents\": [\"\\u0000\\u0001\"]}               | documents[0]: document has no text",
        "missing text    | {\"documents\": [{\"id\": \"a\"}]}                  | documents[0].text is required",
        "number document | {\"documents\": [7]}                                | documents[0] must be a string or an object",
        "bad metadata    | {\"documents\": [{\"text\": \"t\", \"metadata\": 1}]} | documents[0].metadata must be an object",
        "id not a string | {\"documents\": [{\"text\": \"t\", \"id\": 1}]}     | documents[0].id must be a string",
        "bad client id   | {\"client_id\": \"a b\", \"documents\": [\"t\"]}   | client_id must be",
        "null metadata   | {\"documents\": [{\"text\": \"t\", \"metadata\": {\"a\": null}}]} | metadata values must not be null",
        "nested metadata | {\"documents\": [{\"text\": \"t\", \"metadata\": {\"a\": {}}}]}  | must be a string, a number or a boolean",
        "duplicate ids   | {\"documents\": [{\"id\": \"a\", \"text\": \"t\"}, {\"id\": \"a\", \"text\": \"u\"}]} | appears twice",
        "newline in id   | {\"documents\": [{\"id\": \"a\\nb\", \"text\": \"t\"}]}   | control or invisible characters",
        "trailing data   | {\"documents\": [\"t\"]} {}                         | more than one JSON value",
        "misspelt field  | {\"document\": [\"t\"]}                             | unknown field 'document'; the fields are client_id, documents",
        "misspelt in doc | {\"documents\": [\"t\", {\"text\": \"t\", \"meta\": {}}]} | documents[1]: unknown field 'meta'; the fields are id, title, text, metadata",
    })
    void badRequestsAreRejectedSayingWhere(String name, String body, String error) {
        assertThatThrownBy(() -> parser.parse(body)).hasMessageContaining(error);
    }
}

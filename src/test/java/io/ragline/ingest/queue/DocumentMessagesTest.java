package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.document.Limits;
import io.ragline.support.Settings;

class DocumentMessagesTest {

    private final DocumentMessages messages = new DocumentMessages(new JsonBodies(new ObjectMapper(), Settings.defaults(Limits.class)),
            new DocumentRules(Settings.defaults(Limits.class)), 1_000);

    @Test
    void textBinaryAndDeleteMessages() {
        DocumentCommand text = messages.parse("{\"id\": \"a\", \"client_id\": \"acme\", \"title\": \"T\", \"text\": \"hello\"}");
        assertThat(text.isDelete()).isFalse();
        assertThat(text.document().text()).isEqualTo("hello");
        assertThat(text.document().clientId()).isEqualTo("acme");

        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        DocumentCommand binary = messages.parse("{\"id\": \"b\", \"content_base64\": \"" + pdf + "\", \"content_type\": \"application/pdf\"}");
        assertThat(binary.document().fileName()).isEqualTo("document.pdf");
        assertThat(binary.document().clientId()).isEqualTo("default");

        DocumentCommand delete = messages.parse("{\"id\": \"c\", \"client_id\": \"acme\", \"op\": \"delete\"}");
        assertThat(delete.isDelete()).isTrue();
        assertThat(delete.documentId()).isEqualTo("c");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON       | nope                                                          | not valid JSON",
        "no id          | {\"text\": \"t\"}                                              | id is required",
        "no content     | {\"id\": \"a\"}                                                | neither text nor content_base64",
        "bad base64     | {\"id\": \"a\", \"content_base64\": \"***\", \"content_type\": \"application/pdf\"} | not valid base64",
        "no type        | {\"id\": \"a\", \"content_base64\": \"AAAA\"}                  | content_type is required",
        "bad client id  | {\"id\": \"a\", \"client_id\": \"-x\", \"text\": \"t\"}        | client_id must be",
        "bad metadata   | {\"id\": \"a\", \"text\": \"t\", \"metadata\": []}             | metadata must be an object",
    })
    void poisonMessagesAreRejectedSayingWhy(String name, String body, String reason) {
        assertThatThrownBy(() -> messages.parse(body)).isInstanceOf(DocumentRejectedException.class).hasMessageContaining(reason);
    }

    @Test
    void aMessageOverTheSizeLimitIsRejectedBeforeParsing() {
        assertThatThrownBy(() -> messages.parse("{\"id\": \"a\", \"text\": \"" + "x".repeat(3_000) + "\"}"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("message too large");
    }
}

package io.ragline.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenAiCodecTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void embeddingsComeBackInInputOrderWhateverOrderTheServerListsThem() throws Exception {
        JsonNode response = json.readTree("""
                {"data": [{"index": 1, "embedding": [0.5, 0.25]}, {"index": 0, "embedding": [1, -1]}]}""");

        List<float[]> vectors = OpenAiCodec.embeddings(response, 2);

        assertThat(vectors.get(0)).containsExactly(1f, -1f);
        assertThat(vectors.get(1)).containsExactly(0.5f, 0.25f);
    }

    @Test
    void aResponseWithTheWrongNumberOfVectorsOrAMalformedItemIsRejected() throws Exception {
        assertThatThrownBy(() -> OpenAiCodec.embeddings(json.readTree("{\"data\": [{\"index\": 0, \"embedding\": [1]}]}"), 2))
                .isInstanceOf(ProviderResponseException.class).hasMessageContaining("1 vectors for 2 inputs");
        assertThatThrownBy(() -> OpenAiCodec.embeddings(json.readTree("{\"error\": \"overloaded\"}"), 1))
                .isInstanceOf(ProviderResponseException.class).hasMessageContaining("no vectors");
        assertThatThrownBy(() -> OpenAiCodec.embeddings(json.readTree("{\"data\": [{\"index\": 5, \"embedding\": [1]}]}"), 1))
                .isInstanceOf(ProviderResponseException.class).hasMessageContaining("malformed embedding item");
    }

    @Test
    void chatRequestAndAnswer() throws Exception {
        JsonNode request = json.valueToTree(OpenAiCodec.chatRequest("m", "be brief", "question", 100));
        assertThat(request.get("model").asText()).isEqualTo("m");
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/0/content").asText()).isEqualTo("be brief");
        assertThat(request.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(request.at("/messages/1/content").asText()).isEqualTo("question");
        assertThat(request.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(request.get("temperature").asInt()).isZero();

        assertThat(OpenAiCodec.chatAnswer(json.readTree("{\"choices\": [{\"message\": {\"content\": \"  Twenty percent [1]. \"}}]}")))
                .isEqualTo("Twenty percent [1].");
        assertThatThrownBy(() -> OpenAiCodec.chatAnswer(json.readTree("{\"choices\": []}")))
                .isInstanceOf(ProviderResponseException.class);
    }

    @Test
    void aCallCarriesJsonAndTheKeyOnlyWhenOneIsSet() {
        Exchange withKey = new DefaultExchange(new DefaultCamelContext());
        withKey.getMessage().setHeader("RaglineClientId", "leaks no header");
        OpenAiCodec.prepareCall(withKey, "sk-test");
        assertThat(withKey.getMessage().getHeaders()).containsEntry("Authorization", "Bearer sk-test")
                .containsEntry(Exchange.CONTENT_TYPE, "application/json").doesNotContainKey("RaglineClientId");

        Exchange withoutKey = new DefaultExchange(new DefaultCamelContext());
        OpenAiCodec.prepareCall(withoutKey, " ");
        assertThat(withoutKey.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }
}

package io.ragline.embedding;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.provider.OpenAiCodec;
import io.ragline.provider.OpenAiEndpoint;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:openai-embeddings} over camel-http: status codes, Retry-After and timeouts surface as
 * exceptions to the calling route, whose error policy and breaker own retries.
 */
public class OpenAiEmbeddingRoutes extends RouteBuilder {

    /** Body: a list of texts; reply: their vectors, in order. */
    public static final String EMBEDDINGS = "direct:openai-embeddings";
    private static final String TEXT_COUNT = "raglineTextCount";

    private final OpenAiEndpoint endpoint;

    public OpenAiEmbeddingRoutes(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void configure() {
        from(EMBEDDINGS).routeId("openai-embeddings").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .setProperty(TEXT_COUNT, body().method("size"))
                .transform().body(List.class, texts -> OpenAiCodec.embeddingRequest(endpoint.model(), texts))
                .marshal().json(JsonLibrary.Jackson)
                .process(exchange -> OpenAiCodec.prepareCall(exchange, endpoint.apiKey()))
                .to(endpoint.operationUri("/embeddings")).id("openai-embeddings-http")
                .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .transform().exchange(exchange -> OpenAiCodec.embeddings(exchange.getMessage().getBody(JsonNode.class),
                        exchange.getProperty(TEXT_COUNT, Integer.class)));
    }
}

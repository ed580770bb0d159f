package io.ragline.provider;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.ErrorPolicy;

/**
 * One {@code direct:} route per OpenAI-compatible operation, over camel-http: status codes, Retry-After
 * and timeouts surface as exceptions to the calling route, whose error policy and breaker own retries.
 */
public class OpenAiRoutes extends RouteBuilder {

    public static final String EMBEDDINGS = "direct:openai-embeddings";
    public static final String CHAT = "direct:openai-chat";
    public static final String TEXT_COUNT = "raglineTextCount";

    private final RaglineProperties properties;

    public OpenAiRoutes(RaglineProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        RaglineProperties.OpenAi embedding = properties.getEmbedding().getOpenai();
        RaglineProperties.OpenAi llm = properties.getLlm().getOpenai();

        from(EMBEDDINGS).routeId("openai-embeddings").routeConfigurationId(ErrorPolicy.INTERNAL)
                .setProperty(TEXT_COUNT, body().method("size"))
                .transform().body(List.class, texts -> OpenAiCodec.embeddingRequest(embedding.getModel(), texts))
                .marshal().json(JsonLibrary.Jackson)
                .process(exchange -> OpenAiCodec.prepareCall(exchange, embedding.getApiKey()))
                .to(endpoint(embedding.getBaseUrl(), "/embeddings")).id("openai-embeddings-http")
                .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .transform().exchange(exchange -> OpenAiCodec.embeddings(exchange.getMessage().getBody(JsonNode.class),
                        exchange.getProperty(TEXT_COUNT, Integer.class)));

        from(CHAT).routeId("openai-chat").routeConfigurationId(ErrorPolicy.INTERNAL)
                .marshal().json(JsonLibrary.Jackson)
                .process(exchange -> OpenAiCodec.prepareCall(exchange, llm.getApiKey()))
                .to(endpoint(llm.getBaseUrl(), "/chat/completions")).id("openai-chat-http")
                .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .transform().body(JsonNode.class, OpenAiCodec::chatAnswer);
    }

    private static String endpoint(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path + "?throwExceptionOnFailure=true";
    }
}

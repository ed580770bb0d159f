package io.ragline.query;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.provider.OpenAiCodec;
import io.ragline.provider.OpenAiEndpoint;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:openai-chat} over camel-http: status codes, Retry-After and timeouts surface as
 * exceptions to the calling route, whose breaker and fallback own what happens next.
 */
public class OpenAiChatRoutes extends RouteBuilder {

    /** Body: a chat completion request; reply: the answer's text. */
    static final String CHAT = "direct:openai-chat";

    private final OpenAiEndpoint endpoint;

    public OpenAiChatRoutes(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void configure() {
        from(CHAT).routeId("openai-chat").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .marshal().json(JsonLibrary.Jackson)
                .process(exchange -> OpenAiCodec.prepareCall(exchange, endpoint.apiKey()))
                .to(endpoint.operationUri("/chat/completions")).id("openai-chat-http")
                .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .transform().body(JsonNode.class, OpenAiCodec::chatAnswer);
    }
}

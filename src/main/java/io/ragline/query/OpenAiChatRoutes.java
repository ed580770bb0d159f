package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.metrics.RaglineMetrics;
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
    private final RaglineMetrics metrics;

    public OpenAiChatRoutes(OpenAiEndpoint endpoint, RaglineMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        // the usage series of the configured model exist from the start, at zero
        metrics.llmUsage(null, endpoint.model(), 0, 0);
        from(CHAT).routeId("openai-chat").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .marshal().json(JsonLibrary.Jackson)
                .process(exchange -> OpenAiCodec.prepareCall(exchange, endpoint.apiKey()))
                .to(endpoint.operationUri("/chat/completions")).id("openai-chat-http")
                .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .process(this::countUsage).id("count-llm-usage")
                .transform().body(JsonNode.class, OpenAiCodec::chatAnswer);
    }

    /** Tokens as the provider counted them in {@code usage}: the basis of the cost estimate. */
    private void countUsage(Exchange exchange) {
        JsonNode usage = exchange.getMessage().getBody(JsonNode.class).path("usage");
        QueryContext context = exchange.getProperty(LlmAnswerer.CONTEXT, QueryContext.class);
        // the configured model, not the response's dated variant: its prices are configured under this name
        metrics.llmUsage(context == null ? null : context.request().clientId(), endpoint.model(),
                usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }
}

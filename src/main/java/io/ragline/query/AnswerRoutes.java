package io.ragline.query;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.Breakers;
import io.ragline.resilience.ErrorPolicy;
import io.ragline.resilience.ResilienceConfiguration;

/**
 * {@code direct:compose-answer}: with an LLM, a generated answer behind the {@code llm} breaker, falling
 * back to the extractive answer (degraded) when it fails; without one, the extractive answer.
 */
@Component
public class AnswerRoutes extends RouteBuilder {

    private final AnswerComposer composer;
    private final LlmAnswerer llm;
    private final RaglineProperties properties;

    public AnswerRoutes(AnswerComposer composer, LlmAnswerer llm, RaglineProperties properties) {
        this.composer = composer;
        this.llm = llm;
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (!"openai".equals(properties.getLlm().getProvider())) {
            from("direct:compose-answer").routeId("compose-answer").routeConfigurationId(ErrorPolicy.INTERNAL)
                    .bean(composer, "compose").id("compose-extractive");
            return;
        }
        // a timeout counts against the breaker even though a fallback answers (proved by test)
        Breakers.guard(from("direct:compose-answer").routeId("compose-answer").routeConfigurationId(ErrorPolicy.INTERNAL),
                        ResilienceConfiguration.LLM_BREAKER, properties.getResilience().getLlm().getQueryTimeout())
                .id("llm-breaker")
                .bean(llm, "generate").id("generate-answer")
                .onFallback()
                    .bean(composer, "extractiveFallback").id("compose-extractive-fallback")
                .end();
    }
}

package io.ragline.query;

import org.apache.camel.builder.RouteBuilder;

import io.ragline.resilience.Breakers;
import io.ragline.resilience.ResilienceConfiguration;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.resilience.ResilienceSettings;

/**
 * {@code direct:compose-answer}: with an LLM, a generated answer behind the {@code llm} breaker, falling
 * back to the extractive answer (degraded) when it fails; without one, the extractive answer.
 */
public class AnswerRoutes extends RouteBuilder {

    static final String COMPOSE_ANSWER = "direct:compose-answer";
    static final String GENERATE_ANSWER = "direct:generate-answer";

    private final AnswerComposer composer;
    /** Null without an LLM. */
    private final LlmAnswerer llm;
    private final ResilienceSettings resilience;

    public AnswerRoutes(AnswerComposer composer, LlmAnswerer llm, ResilienceSettings resilience) {
        this.composer = composer;
        this.llm = llm;
        this.resilience = resilience;
    }

    @Override
    public void configure() {
        if (llm == null) {
            from(COMPOSE_ANSWER).routeId("compose-answer").routeConfigurationId(ResiliencePolicies.INTERNAL)
                    .bean(composer, "compose").id("compose-extractive");
            return;
        }
        from(COMPOSE_ANSWER).routeId("compose-answer").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .setProperty(LlmAnswerer.CONTEXT, body())
                .choice()
                    // nothing retrieved: nothing to ask the LLM about
                    .when(exchange -> exchange.getMessage().getBody(QueryContext.class).hits().isEmpty())
                        .bean(composer, "compose").id("compose-nothing-found")
                    .otherwise()
                        .to(GENERATE_ANSWER)
                .end();

        // a timeout counts against the breaker even though a fallback answers (proved by test)
        Breakers.guard(from(GENERATE_ANSWER).routeId("generate-answer").routeConfigurationId(ResiliencePolicies.INTERNAL),
                        ResilienceConfiguration.LLM_BREAKER, resilience.llm().queryTimeout())
                .id("llm-breaker")
                .bean(llm, "chatRequest").id("chat-request")
                .to(OpenAiChatRoutes.CHAT).id("generate-answer-call")
                .bean(llm, "answer").id("llm-answer")
                .onFallback()
                    .bean(composer, "extractiveFallback").id("compose-extractive-fallback")
                .end();
    }
}

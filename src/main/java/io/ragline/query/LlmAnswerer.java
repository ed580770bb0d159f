package io.ragline.query;

import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.ragline.config.RaglineProperties;
import io.ragline.provider.OpenAiCodec;
import io.ragline.provider.OpenAiRoutes;
import io.ragline.provider.ProviderCallException;
import io.ragline.store.SearchHit;

/** Generates the answer from the retrieved chunks with an OpenAI-compatible chat model. */
public class LlmAnswerer {

    static final String SYSTEM_PROMPT = "You answer questions using only the numbered sources you are given. "
            + "After every statement, cite the sources it comes from as [n], using their numbers. "
            + "If the sources do not contain the answer, say that you could not find it in the documents. "
            + "Answer in the language of the question.";

    private final ProducerTemplate producer;
    private final RaglineProperties.Llm settings;

    public LlmAnswerer(ProducerTemplate producer, RaglineProperties.Llm settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public void generate(QueryContext context) {
        QueryRequest request = context.request();
        if (context.hits().isEmpty()) {
            context.response(new QueryResponse(request.query(), ExtractiveAnswerer.NOTHING_FOUND, List.of(),
                    context.elapsedSeconds(), true, false, AnswerComposer.SOURCE_RAG, false, null));
            return;
        }
        Object chatRequest = OpenAiCodec.chatRequest(settings.getOpenai().getModel(), SYSTEM_PROMPT,
                userPrompt(request.query(), context.hits()), settings.getMaxTokens());
        String answer;
        try {
            answer = producer.requestBody(OpenAiRoutes.CHAT, chatRequest, String.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new ProviderCallException(e.getCause());
        }
        context.response(new QueryResponse(request.query(), answer, QueryResponse.sourcesOf(context.hits()),
                context.elapsedSeconds(), true, false, AnswerComposer.SOURCE_RAG, false, null));
    }

    static String userPrompt(String question, List<SearchHit> sources) {
        StringBuilder prompt = new StringBuilder("Sources:\n");
        for (int i = 0; i < sources.size(); i++) {
            SearchHit hit = sources.get(i);
            prompt.append('[').append(i + 1).append("] ").append(hit.title()).append('\n').append(hit.text()).append("\n\n");
        }
        return prompt.append("Question: ").append(question).toString();
    }
}

package io.ragline.query;

import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.ragline.provider.OpenAiCodec;
import io.ragline.store.SearchHit;

/** The two ends of a generated answer: the chat request built from the retrieved chunks, and its reply. */
public class LlmAnswerer {

    /** Exchange property: the question's {@link QueryContext} while the body is the chat call. */
    static final String CONTEXT = "raglineQueryContext";

    static final String SYSTEM_PROMPT = "You answer questions using only the numbered sources you are given. "
            + "After every statement, cite the sources it comes from as [n], using their numbers. "
            + "If the sources do not contain the answer, say that you could not find it in the documents. "
            + "Answer in the language of the question.";

    private final LlmSettings settings;

    public LlmAnswerer(LlmSettings settings) {
        this.settings = settings;
    }

    public Map<String, Object> chatRequest(QueryContext context) {
        return OpenAiCodec.chatRequest(settings.openai().model(), SYSTEM_PROMPT,
                userPrompt(context.request().query(), context.hits()), settings.maxTokens());
    }

    /** @return the context, answered */
    public QueryContext answer(@ExchangeProperty(CONTEXT) QueryContext context, @Body String answer) {
        context.response(new QueryResponse(context.request().query(), answer, QueryResponse.sourcesOf(context.hits()),
                context.elapsedSeconds(), true, false, AnswerComposer.SOURCE_RAG, false, null));
        return context;
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

package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** Turns retrieved chunks into the answer of the full RAG path. */
public class AnswerComposer {

    public static final String SOURCE_RAG = "rag";
    public static final String SOURCE_EXTRACTIVE = "extractive";

    private final ExtractiveAnswerer extractive;

    public AnswerComposer(ExtractiveAnswerer extractive) {
        this.extractive = extractive;
    }

    public void compose(QueryContext context) {
        QueryRequest request = context.request();
        String answer = extractive.answer(request.query(), context.hits());
        context.response(new QueryResponse(request.query(), answer, QueryResponse.sourcesOf(context.hits()),
                context.elapsedSeconds(), true, false, SOURCE_RAG, false, null));
    }

    /** The LLM failed or its breaker is open: the extractive answer, marked degraded. @return the context, answered */
    public QueryContext extractiveFallback(@ExchangeProperty(LlmAnswerer.CONTEXT) QueryContext context,
                                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        QueryRequest request = context.request();
        context.response(new QueryResponse(request.query(), extractive.answer(request.query(), context.hits()),
                QueryResponse.sourcesOf(context.hits()), context.elapsedSeconds(), true, true, SOURCE_EXTRACTIVE, false,
                "answer generation failed: " + FailureReasons.describe(failure, "generate-answer")));
        return context;
    }
}

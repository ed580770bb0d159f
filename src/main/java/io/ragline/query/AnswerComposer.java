package io.ragline.query;

/** Turns retrieved chunks into the answer of the full RAG path. */
public class AnswerComposer {

    public static final String SOURCE_RAG = "rag";

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
}

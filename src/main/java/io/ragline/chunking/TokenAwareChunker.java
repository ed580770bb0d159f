package io.ragline.chunking;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.TokenCountEstimator;

import io.ragline.ingest.ParsedDocument;

/**
 * Splits text at paragraph, then sentence (then word) boundaries into chunks measured in the
 * embedding model's own tokens, with overlap between neighbours.
 */
public class TokenAwareChunker {

    private final DocumentSplitter splitter;
    private final int maxTokens;

    public TokenAwareChunker(TokenCountEstimator tokens, int maxTokens, double overlapRatio) {
        this.maxTokens = maxTokens;
        this.splitter = DocumentSplitters.recursive(maxTokens, (int) Math.round(maxTokens * overlapRatio), tokens);
    }

    public ChunkedDocument chunk(ParsedDocument document) {
        List<TextSegment> segments = splitter.split(Document.from(document.text()));
        List<Chunk> chunks = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            chunks.add(new Chunk(chunks.size(), segment.text()));
        }
        return new ChunkedDocument(document, chunks);
    }

    public int maxTokens() {
        return maxTokens;
    }
}

package io.ragline.ingest.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.file.FileConstants;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.ParsedDocument;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.text.TextNormaliser;

/**
 * Text files too large to read whole: the file is hashed as a stream, then read section by section, each
 * section normalised, chunked and embedded on its own, its chunks numbered on from the previous section's.
 */
public class LargeTextFiles {

    private final LargeFileProgress progress;

    /** Exchange property: the running chunk number of a streamed document. */
    public static final String CHUNK_OFFSET = "RaglineChunkOffset";
    /** Exchange property: the streamed document's identity, without text. */
    public static final String DOCUMENT = "RaglineStreamedDocument";

    private static final int SECTION_CHARS = 64 * 1024;

    private final long thresholdBytes;
    private final TextNormaliser normaliser;
    private final TokenAwareChunker chunker;
    private final FolderKeys folderKeys;

    public LargeTextFiles(long thresholdBytes, TextNormaliser normaliser, TokenAwareChunker chunker, FolderKeys folderKeys,
                          LargeFileProgress progress) {
        this.thresholdBytes = thresholdBytes;
        this.normaliser = normaliser;
        this.chunker = chunker;
        this.folderKeys = folderKeys;
        this.progress = progress;
    }

    /** Plain text over the threshold is streamed; other formats go through Tika whole, under max-file-bytes. */
    public boolean isLarge(String fileName, long length) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return length > thresholdBytes && (name.endsWith(".txt") || name.endsWith(".md"));
    }

    /**
     * The document's identity from the headers {@link FileSources} set, its hash the one the read lock
     * already took of the file's bytes (not read a second time).
     */
    public ParsedDocument describe(Exchange exchange) {
        Message message = exchange.getMessage();
        String hash = folderKeys.contentHash(message);
        if (hash == null) {
            throw new DocumentRejectedException("file disappeared before it was read: " + fileOf(exchange));
        }
        ParsedDocument document = new ParsedDocument(message.getHeader(RaglineHeaders.CLIENT_ID, String.class),
                message.getHeader(RaglineHeaders.DOCUMENT_ID, String.class), message.getHeader(RaglineHeaders.FILE_NAME, String.class),
                message.getHeader(RaglineHeaders.SOURCE, String.class), "", hash, Map.of());
        exchange.setProperty(DOCUMENT, document);
        exchange.setProperty(CHUNK_OFFSET, new AtomicInteger());
        progress.start(document.source(), message.getHeader(FileConstants.FILE_LENGTH, 0L, Long.class));
        return document;
    }

    /** The file is done with, indexed or not. */
    public void finish(@ExchangeProperty(DOCUMENT) ParsedDocument document) {
        if (document != null) {
            progress.finish(document.source());
        }
    }

    /** Sections of the file, read lazily as the splitter asks for them; the splitter closes the file. */
    public Iterator<String> sections(Exchange exchange) throws IOException {
        return new TextSections(fileOf(exchange), SECTION_CHARS);
    }

    private static Path fileOf(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class));
    }

    /** Chunks of one section, numbered on from the sections before it; none for a blank section. */
    public ChunkedDocument chunkSection(String section, @ExchangeProperty(DOCUMENT) ParsedDocument document,
                                        @ExchangeProperty(CHUNK_OFFSET) AtomicInteger offset) {
        if (section.isBlank()) {
            progress.advance(document.source(), section.length(), offset.get());
            return new ChunkedDocument(document, List.of());
        }
        ParsedDocument part = new ParsedDocument(document.clientId(), document.documentId(), document.title(),
                document.source(), normaliser.normalise(section), document.contentHash(), document.metadata());
        List<Chunk> chunks = chunker.chunk(part).chunks();
        int first = offset.getAndAdd(chunks.size());
        progress.advance(document.source(), section.length(), first + chunks.size());
        List<Chunk> numbered = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            numbered.add(new Chunk(first + chunk.index(), chunk.text()));
        }
        return new ChunkedDocument(part, numbered);
    }
}

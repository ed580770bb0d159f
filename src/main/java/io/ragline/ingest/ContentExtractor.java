package io.ragline.ingest;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

import io.ragline.document.DocumentRejectedException;
import io.ragline.document.Limits;
import io.ragline.text.BinaryText;

/**
 * Turns raw bytes of a supported format into plain text with Apache Tika, within the limits: at most
 * {@code ragline.limits.extracted-chars} characters (a small .docx can expand a hundredfold) and
 * {@code ragline.limits.parse-timeout}.
 */
public class ContentExtractor implements AutoCloseable {

    static final Set<String> SUPPORTED_TYPES = Set.of(
            "text/plain",
            "text/markdown",
            "text/x-web-markdown",
            "text/html",
            "application/xhtml+xml",
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final Set<String> BINARY_TYPES = Set.of(
            "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/markdown", "text/x-web-markdown");

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Limits limits;
    /** Parsers run here, so one that takes too long is abandoned; each thread's output is capped by the write limit. */
    private final ExecutorService parsing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    public ContentExtractor(Limits limits) {
        this.limits = limits;
    }

    public String extract(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        // a known extension must name a supported type too: "hello" in x.zip is a zip file gone wrong, not text
        MediaType named = fileName == null ? MediaType.OCTET_STREAM
                : MediaType.parse(MimeTypes.getDefaultMimeTypes().getMimeType(fileName).getName());
        if (!named.equals(MediaType.OCTET_STREAM)) {
            requireSupported(named, fileName);
        }
        MediaType type = detect(content, metadata);
        requireSupported(type, fileName);
        // binary formats are recognised by their bytes: anything else is garbage with a borrowed name
        if (BINARY_TYPES.contains(named.getBaseType().toString()) && !named.getBaseType().equals(type.getBaseType())) {
            throw new DocumentRejectedException("could not parse " + named.getBaseType() + ": the content is "
                    + type.getBaseType() + (fileName == null ? "" : " (" + fileName + ")"));
        }
        String text = parse(content, metadata, type);
        if (TEXT_TYPES.contains(type.getBaseType().toString()) && BinaryText.looksBinary(text)) {
            throw new DocumentRejectedException("the content is binary data, not " + type.getBaseType()
                    + (fileName == null ? "" : " (" + fileName + ")"));
        }
        return text;
    }

    private String parse(byte[] content, Metadata metadata, MediaType type) {
        BodyContentHandler handler = new BodyContentHandler(limits.extractedChars());
        Future<?> parsed = parsing.submit(() -> {
            try (TikaInputStream stream = TikaInputStream.get(content)) {
                parser.parse(stream, handler, metadata, new ParseContext());
            }
            return null;
        });
        try {
            parsed.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsed.cancel(true);
            throw new DocumentRejectedException("could not parse " + type.getBaseType() + ": it took longer than "
                    + limits.parseTimeout().toSeconds() + " s (ragline.limits.parse-timeout)");
        } catch (InterruptedException e) {
            parsed.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentRejectedException("parsing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (WriteLimitReachedException.isWriteLimitReached(cause)) {
                throw new DocumentRejectedException("could not parse " + type.getBaseType() + ": it holds more than "
                        + limits.extractedChars() + " characters of text (ragline.limits.extracted-chars)");
            }
            if (cause instanceof IOException || cause instanceof SAXException || cause instanceof TikaException) {
                throw new DocumentRejectedException("could not parse " + type.getBaseType() + ": " + rootMessage(cause), cause);
            }
            throw new DocumentRejectedException("could not parse " + type.getBaseType(), cause);
        }
        return handler.toString();
    }

    private static void requireSupported(MediaType type, String fileName) {
        if (!SUPPORTED_TYPES.contains(type.getBaseType().toString())) {
            throw new DocumentRejectedException("unsupported content type: " + type.getBaseType()
                    + (fileName == null ? "" : " (" + fileName + ")"));
        }
    }

    private MediaType detect(byte[] content, Metadata metadata) {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return parser.getDetector().detect(stream, metadata);
        } catch (IOException e) {
            throw new DocumentRejectedException("could not detect content type: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }
}

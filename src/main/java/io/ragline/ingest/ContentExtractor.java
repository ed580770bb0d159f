package io.ragline.ingest;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
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
    /** Parsers run here, so the caller can stop waiting at the time limit; each thread's output is capped by the write limit. */
    private final ThreadPoolExecutor parsing = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
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
        long deadline = System.nanoTime() + limits.parseTimeout().toNanos();
        Future<?> parsed = parsing.submit(() -> {
            try (TikaInputStream stream = TikaInputStream.get(content)) {
                parser.parse(stream, new DeadlineHandler(handler, deadline), metadata, new ParseContext());
            }
            return null;
        });
        try {
            parsed.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsed.cancel(true);
            throw tookTooLong(type);
        } catch (InterruptedException e) {
            parsed.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentRejectedException("parsing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (rootCause(cause) instanceof ParseTimeLimit) {
                throw tookTooLong(type);
            }
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

    private DocumentRejectedException tookTooLong(MediaType type) {
        return new DocumentRejectedException("could not parse " + type.getBaseType() + ": it took longer than "
                + limits.parseTimeout().toSeconds() + " s (ragline.limits.parse-timeout)");
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
        Throwable root = rootCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Parses still running, abandoned ones included: each stops at its parser's next step past the time limit. */
    int runningParses() {
        return parsing.getActiveCount();
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }

    /**
     * Thrown inside a parser at its time limit. Unchecked: Tika's PDF parser catches a page's checked
     * exceptions and goes on with the next page.
     */
    private static final class ParseTimeLimit extends RuntimeException {

        ParseTimeLimit() {
            super("the parse time limit has passed", null, false, false);
        }
    }

    /**
     * Stops a parser at its first output past the deadline. Parsers such as PDFBox never look at the
     * thread's interrupt, so cancelling the task alone left them running for minutes over a crafted file,
     * holding memory; every parser writes through its handler, page by page, so it stops here.
     */
    private static final class DeadlineHandler extends ContentHandlerDecorator {

        private final long deadline;

        DeadlineHandler(ContentHandler handler, long deadline) {
            super(handler);
            this.deadline = deadline;
        }

        private void check() {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                throw new ParseTimeLimit();
            }
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            check();
            super.endElement(uri, localName, name);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            check();
            super.ignorableWhitespace(ch, start, length);
        }
    }
}

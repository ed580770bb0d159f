package io.ragline.ingest;

import java.io.IOException;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

import io.ragline.document.DocumentRejectedException;

/** Turns raw bytes of a supported format into plain text with Apache Tika. */
@Component
public class ContentExtractor {

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

    private final AutoDetectParser parser = new AutoDetectParser();

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
        // -1: no write limit; the size limit is enforced before we get here
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            parser.parse(stream, handler, metadata, new ParseContext());
        } catch (IOException | SAXException | TikaException e) {
            throw new DocumentRejectedException("could not parse " + type.getBaseType() + ": " + rootMessage(e), e);
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
}

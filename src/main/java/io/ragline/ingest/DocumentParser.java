package io.ragline.ingest;

import org.springframework.stereotype.Component;

import io.ragline.document.ClientIds;
import io.ragline.document.DocumentIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.document.ParsedDocument;
import io.ragline.document.SourceDocument;
import io.ragline.text.TextNormaliser;

/** Extracts and normalises the text of a source document and resolves its identity. */
@Component
public class DocumentParser {

    private static final int TITLE_MAX_CHARS = 120;

    private final ContentExtractor extractor;
    private final TextNormaliser normaliser;
    private final DocumentRules rules;

    public DocumentParser(ContentExtractor extractor, TextNormaliser normaliser, DocumentRules rules) {
        this.extractor = extractor;
        this.normaliser = normaliser;
        this.rules = rules;
    }

    /** @throws DocumentRejectedException when the document breaks a limit or has no text */
    public ParsedDocument parse(SourceDocument source) {
        String clientId = ClientIds.resolve(source.clientId());
        rules.check(source);
        String raw = source.hasText() ? source.text() : extractFrom(source);
        rules.checkText(raw);
        String text = normaliser.normalise(raw);
        String title = titleOf(source, text);
        String documentId = isBlank(source.documentId())
                ? (isBlank(source.source()) ? DocumentIds.forContent(text) : DocumentIds.forSource(clientId, source.source()))
                : source.documentId().strip();
        return new ParsedDocument(clientId, documentId, title, source.source(), text,
                source.contentHash(), source.metadata());
    }

    private String extractFrom(SourceDocument source) {
        if (source.content() == null) {
            throw new DocumentRejectedException("document has neither text nor content");
        }
        if (source.content().length == 0) {
            throw new DocumentRejectedException("document has no text: it is empty");
        }
        return extractor.extract(source.content(), source.fileName());
    }

    private static String titleOf(SourceDocument source, String text) {
        if (!isBlank(source.title())) {
            return source.title().strip();
        }
        if (!isBlank(source.fileName())) {
            String name = source.fileName().replace('\\', '/');
            return name.substring(name.lastIndexOf('/') + 1);
        }
        String firstLine = text.lines().findFirst().orElse("").strip();
        return firstLine.length() <= TITLE_MAX_CHARS ? firstLine : firstLine.substring(0, TITLE_MAX_CHARS) + "…";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

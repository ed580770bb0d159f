package io.ragline.document;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits a document is held to, from whichever source: checked as soon as a source has read the
 * document, so it is refused before any dependency is called. Each refusal names the limit's key.
 */
public final class DocumentRules {

    /** Control and format characters: they forge log lines and hide what an id really is. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final int METADATA_KEY_CHARS = 64;

    private final Limits limits;

    public DocumentRules(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** @param id a document id as given, or null when the source gives none */
    public void checkId(String id) {
        if (id == null) {
            return;
        }
        if (id.isBlank()) {
            throw new DocumentRejectedException("id must not be blank");
        }
        if (id.length() > limits.idChars()) {
            throw new DocumentRejectedException("id is longer than " + limits.idChars() + " characters (ragline.limits.id-chars)");
        }
        if (INVISIBLE.matcher(id).find()) {
            throw new DocumentRejectedException("id must not contain control or invisible characters");
        }
    }

    public void checkTitle(String title) {
        if (title != null && title.length() > limits.titleChars()) {
            throw new DocumentRejectedException("title is longer than " + limits.titleChars() + " characters (ragline.limits.title-chars)");
        }
    }

    public void checkText(String text) {
        if (text != null && text.length() > limits.documentChars()) {
            throw new DocumentRejectedException("text is longer than " + limits.documentChars()
                    + " characters (ragline.limits.document-chars)");
        }
    }

    /** Flat metadata of strings, numbers and booleans, within the key and size limits; stored and returned as given. */
    public void checkMetadata(Map<String, ?> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return;
        }
        if (metadata.size() > limits.metadataKeys()) {
            throw new DocumentRejectedException("metadata has more than " + limits.metadataKeys() + " keys (ragline.limits.metadata-keys)");
        }
        long bytes = 0;
        for (Map.Entry<String, ?> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key.isBlank() || key.length() > METADATA_KEY_CHARS || INVISIBLE.matcher(key).find()) {
                throw new DocumentRejectedException("metadata keys must be 1-" + METADATA_KEY_CHARS + " visible characters");
            }
            Object value = entry.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new DocumentRejectedException("metadata value of '" + key + "' must be a string, a number or a boolean");
            }
            bytes += key.getBytes(StandardCharsets.UTF_8).length + String.valueOf(value).getBytes(StandardCharsets.UTF_8).length + 6;
        }
        if (bytes > limits.metadataBytes().toBytes()) {
            throw new DocumentRejectedException("metadata is larger than " + limits.metadataBytes().toBytes()
                    + " bytes (ragline.limits.metadata-bytes)");
        }
    }

    /** Every rule a document as handed over can be checked against before it is parsed. */
    public void check(SourceDocument document) {
        checkId(document.documentId());
        checkTitle(document.title());
        checkText(document.text());
        checkMetadata(document.metadata());
    }
}

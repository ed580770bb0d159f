package io.ragline.cache;

import java.util.Locale;

import io.ragline.document.DocumentIds;

/**
 * What a cached answer answers: one client's question, asked for {@code topK} sources, within a metadata
 * filter (its canonical form; empty for none).
 */
public record AnswerKey(String clientId, String question, int topK, String filter) {

    /** Lower case, single spaces: trivially different spellings of a question share an entry. */
    public static AnswerKey of(String clientId, String question, int topK, String filter) {
        return new AnswerKey(clientId, question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), topK, filter);
    }

    /** The question and filter as a fixed-length key; without a filter, the question's alone. */
    public String digest() {
        return DocumentIds.sha256(filter.isEmpty() ? question : question + '\u0000' + filter);
    }
}

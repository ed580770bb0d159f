package io.ragline.cache;

import java.util.Locale;

/** What a cached answer answers: one client's question, asked for {@code topK} sources. */
public record AnswerKey(String clientId, String question, int topK) {

    /** Lower case, single spaces: trivially different spellings of a question share an entry. */
    public static AnswerKey of(String clientId, String question, int topK) {
        return new AnswerKey(clientId, question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), topK);
    }
}

package io.ragline.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of a client's documents, in the store's order of their ids.
 *
 * @param lastId the id to continue after, null when no document follows
 */
public record DocumentPage(List<Listed> documents, String lastId) {

    /**
     * A stored document, without its chunks.
     *
     * @param ingestedAt when its current version was written; null for documents written before this was recorded
     */
    public record Listed(String documentId, String title, String source, int chunks, String contentHash,
                         Instant ingestedAt, Map<String, Object> metadata) {
    }

    /** The page from up to {@code limit + 1} documents: the extra one only says that more follow. */
    public static DocumentPage of(List<Listed> found, int limit) {
        if (found.size() <= limit) {
            return new DocumentPage(found, null);
        }
        List<Listed> page = found.subList(0, limit);
        return new DocumentPage(List.copyOf(page), page.get(limit - 1).documentId());
    }
}

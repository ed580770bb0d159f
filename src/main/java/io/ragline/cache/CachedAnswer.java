package io.ragline.cache;

import java.util.Set;

/**
 * An answer as the cache holds it: opaque JSON, and the documents it cites, so a document that changes
 * or goes takes every answer citing it along.
 */
public record CachedAnswer(String json, Set<String> documentIds) {

    public CachedAnswer {
        documentIds = Set.copyOf(documentIds);
    }

    /** What the entry costs the heap, roughly: two bytes a character, plus the ids and the entry itself. */
    int weight() {
        long ids = documentIds.stream().mapToLong(id -> 2L * id.length() + 40).sum();
        return (int) Math.min(Integer.MAX_VALUE, 2L * json.length() + ids + 200);
    }
}

package io.ragline.idempotency;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The ingest idempotent repository: claims and confirmed keys of (client, document id, content hash). A
 * confirmed key counts only while the store still holds that content.
 */
public interface IngestRepository extends IdempotentRepository {

    /**
     * Records that this content failed for good (a mirrored file that cannot be indexed): it is not taken
     * again until it changes, though the store does not hold it.
     */
    void recordFailure(String key);
}

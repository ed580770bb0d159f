package io.ragline.config;

/** Header names of the {@code direct:ingest} contract, for Java and YAML routes alike. */
public final class RaglineHeaders {

    /** Tenant the document belongs to; {@code default} when absent. */
    public static final String CLIENT_ID = "RaglineClientId";
    /** Stable document id; derived from source or content when absent. */
    public static final String DOCUMENT_ID = "RaglineDocumentId";
    public static final String TITLE = "RaglineTitle";
    /** Where the document came from (relative file path, URL, topic...). */
    public static final String SOURCE = "RaglineSource";
    /** File name used for content-type detection of binary bodies. */
    public static final String FILE_NAME = "RaglineFileName";

    /**
     * Exchange property: when true, {@code direct:ingest} leaves the store commit to its caller, which
     * commits once for a whole batch before acknowledging it. Unset, every document is durable on return.
     */
    /** A text file too large to read whole, ingested section by section ({@code direct:ingest-large-text}). */
    public static final String STREAMED = "RaglineStreamed";
    public static final String DEFER_COMMIT = "RaglineDeferCommit";

    /**
     * Exchange property: when true, an embedding outage fails the document at once instead of pausing
     * it until the breaker closes. Set by callers that someone waits on, such as HTTP requests.
     */
    public static final String FAIL_FAST_ON_OUTAGE = "RaglineFailFastOnOutage";

    private RaglineHeaders() {
    }
}

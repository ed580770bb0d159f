package io.ragline.ingest;

/** Header and property names of the {@code direct:ingest} contract, for Java and YAML routes alike. */
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
    /** A text file too large to read whole, ingested section by section. */
    public static final String STREAMED = "RaglineStreamed";
    /** Exchange property: the source feeding the pipeline (folder, http, kafka, jms), for the ingest metrics. */
    public static final String INGEST_SOURCE = "RaglineIngestSource";
    /** The simple-language call counting what the route indexed, by source. */
    public static final String COUNT_INGESTED = "ingested(${exchangeProperty." + INGEST_SOURCE + "}, ${body})";

    private RaglineHeaders() {
    }
}

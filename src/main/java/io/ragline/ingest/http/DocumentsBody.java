package io.ragline.ingest.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/documents} as the OpenAPI document describes it; {@link DocumentsRequestParser}
 * reads and checks the JSON itself, so a bad document gets a 400 that says which.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "Documents to index; any other field is refused")
public record DocumentsBody(
        @Schema(description = "The client; default when left out. With API keys, the key's own client") String clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "1 to ragline.ingest.max-documents-per-request documents, each a string (its text) or a Document")
        @ArraySchema(schema = @Schema(oneOf = {String.class, Document.class}))
        List<Object> documents) {

    /** One document; an id given again replaces its chunks. */
    public record Document(
            @Schema(description = "Stable id; a content hash when left out") String id,
            @Schema(description = "The title; the text's first line when left out") String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "Flat strings, numbers and booleans, returned with each source and used by query filters")
            Map<String, Object> metadata) {
    }
}

package io.ragline.query;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/query} as the OpenAPI document describes it; {@link QueryRequestParser}
 * reads and checks the JSON itself, so a bad body gets a precise 400.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "A question; any other field is refused")
public record QueryBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The question, at most ragline.query.max-query-length characters")
        String query,
        @Schema(description = "The client; default when left out. With API keys, the key's own client") String clientId,
        @Schema(description = "Sources to return, 1 to ragline.query.max-top-k; 5 when left out") Integer topK,
        @Schema(description = "Metadata conditions, keys ANDed: {\"dept\": \"hr\"}, {\"dept\": {\"in\": [\"hr\", \"it\"]}},"
                + " {\"year\": {\"gte\": 2020, \"lt\": 2025}}; ranges over numbers or ISO dates")
        Map<String, Object> filter) {
}

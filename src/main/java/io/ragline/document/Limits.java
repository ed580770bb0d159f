package io.ragline.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.limits.*}: what every input is held to, whichever way it arrives. Over a limit, the
 * input is refused with the limit's name: a 413 or 400, a dead letter, or a note in {@code .failed/}.
 * The README's limits table lists these with the older limits kept under their features' keys.
 *
 * @param requestBytes largest HTTP request body, counted while it is read
 * @param bodyReadTimeout longest a client may take to send a request body, and to send its next bytes
 * @param smallRequestBytes largest body of a request that carries no documents (a query, a delete)
 * @param jsonDepth deepest nesting of a JSON body or message
 * @param jsonTokens most JSON tokens (names, values, brackets) in one body or message, counted while it is
 *                   parsed, so no body builds a tree larger than this
 * @param documentChars longest text of one document, after extraction
 * @param extractedChars most characters a parser may extract from one file before it is stopped
 * @param parseTimeout longest a parser may take over one file
 * @param titleChars longest title
 * @param idChars longest document id
 * @param metadataBytes largest metadata of one document, as JSON
 * @param metadataKeys most metadata keys of one document
 * @param queryTerms most distinct search terms in a question
 * @param httpTimeout longest an HTTP request may take before it is answered 503; above any ingest the other limits allow
 */
@Validated
@ConfigurationProperties("ragline.limits")
public record Limits(
        @NotNull @DefaultValue("10MB") DataSize requestBytes,
        @NotNull @DefaultValue("20s") Duration bodyReadTimeout,
        @NotNull @DefaultValue("32KB") DataSize smallRequestBytes,
        @Min(2) @Max(1000) @DefaultValue("32") int jsonDepth,
        @Min(100) @DefaultValue("200000") int jsonTokens,
        @Min(1) @DefaultValue("2000000") int documentChars,
        @Min(1) @DefaultValue("20000000") int extractedChars,
        @NotNull @DefaultValue("60s") Duration parseTimeout,
        @Min(1) @Max(10_000) @DefaultValue("300") int titleChars,
        @Min(1) @Max(4096) @DefaultValue("256") int idChars,
        @NotNull @DefaultValue("8KB") DataSize metadataBytes,
        @Min(0) @DefaultValue("32") int metadataKeys,
        @Min(1) @Max(400) @DefaultValue("64") int queryTerms,
        @NotNull @DefaultValue("10m") Duration httpTimeout) {
}

package io.ragline.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code ragline.security.*}: API keys bound to clients, and per-client rate limits.
 *
 * @param apiKeys     none: the API serves local use without keys (a warning says so at start-up)
 * @param requireKeys refuse to start without API keys: a deployment sets it, so a missing key file never
 *                    leaves the API open (docker-compose.production.yml does)
 * @param rateLimits  per client and kind of request; a client without its own entry gets {@code default}
 */
@Validated
@ConfigurationProperties("ragline.security")
public record SecuritySettings(
        @Valid @DefaultValue List<ApiKey> apiKeys,
        @DefaultValue("false") boolean requireKeys,
        @Valid @NotNull @DefaultValue RateLimits rateLimits) {

    public enum Role { QUERY, INGEST, ADMIN }

    /**
     * @param sha256   hex SHA-256 of the key, never the key itself
     * @param clientId the client every request with this key acts for
     */
    public record ApiKey(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the hex SHA-256 of the key (64 hex digits)") String sha256,
            @NotNull String clientId,
            @NotEmpty List<Role> roles) {
    }

    public record RateLimits(
            @Valid @NotNull @DefaultValue ClientLimits defaults,
            @Valid @DefaultValue Map<String, ClientLimits> clients) {

        public ClientLimits of(String clientId) {
            return clients.getOrDefault(clientId, defaults);
        }
    }

    /** Requests a client may make per period, for queries and for ingestion (ingest and delete). */
    public record ClientLimits(
            @Valid @NotNull @DefaultValue Limit query,
            @Valid @NotNull @DefaultValue Limit ingest) {
    }

    /** @param limitForPeriod 0: no limit */
    public record Limit(@Min(0) @DefaultValue("0") int limitForPeriod, @NotNull @DefaultValue("1s") Duration period) {

        public boolean limited() {
            return limitForPeriod > 0;
        }
    }
}

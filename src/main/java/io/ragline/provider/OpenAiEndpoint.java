package io.ragline.provider;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * An OpenAI-compatible endpoint (OpenAI, a gateway, Ollama, vLLM...), nested in the settings of each
 * feature that calls one.
 *
 * @param apiKey from the environment; empty sends no Authorization header
 * @param timeout longest wait for an HTTP response
 * @param batchSize texts per embeddings request
 * @param dimension vector size; 0 asks the provider once at start-up
 */
public record OpenAiEndpoint(
        @NotNull @DefaultValue("http://localhost:11434/v1") String baseUrl,
        @DefaultValue("") String apiKey,
        String model,
        @NotNull @DefaultValue("30s") Duration timeout,
        @Min(1) @Max(2048) @DefaultValue("64") int batchSize,
        @Min(0) @DefaultValue("0") int dimension) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Says at start-up that calls will go without a key: fine for a local server, a 401 from any other. */
    public void warnWithoutApiKey(String settingsKey) {
        if (!hasApiKey()) {
            LoggerFactory.getLogger(OpenAiEndpoint.class).warn("{} is empty ({} in the environment): calls to {} go without an"
                    + " Authorization header, which only a local server accepts", settingsKey,
                    settingsKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), baseUrl);
        }
    }

    /** This endpoint with {@code model} when none is configured. */
    public OpenAiEndpoint withDefaultModel(String defaultModel) {
        return model == null || model.isBlank()
                ? new OpenAiEndpoint(baseUrl, apiKey, defaultModel, timeout, batchSize, dimension)
                : this;
    }

    /** The URI of one operation, failures surfacing as exceptions with status and headers. */
    public String operationUri(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path + "?throwExceptionOnFailure=true";
    }
}

package io.ragline.metrics;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code ragline.metrics.*}.
 *
 * @param clientLabels client ids that appear as a {@code client} label; every other client is {@code other},
 *                     so the number of series stays bounded whatever the number of clients
 * @param prices       per model name, USD per million tokens, for the estimated cost of LLM calls
 */
@Validated
@ConfigurationProperties("ragline.metrics")
public record MetricsSettings(
        @DefaultValue List<String> clientLabels,
        @DefaultValue Map<String, Price> prices) {

    public record Price(@PositiveOrZero @DefaultValue("0") double inputPerMillion, @PositiveOrZero @DefaultValue("0") double outputPerMillion) {
    }
}

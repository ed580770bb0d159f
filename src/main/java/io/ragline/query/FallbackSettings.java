package io.ragline.query;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.fallback.*}: the steps that answer when the full path cannot.
 *
 * @param faq step 3: a question containing any pattern of a rule gets its answer
 * @param genericAnswer step 4, the answer that cannot fail
 * @param staleAnswerTtl how long step 2 serves the last good answer to the same question
 */
@Validated
@ConfigurationProperties("ragline.fallback")
public record FallbackSettings(
        @Valid @DefaultValue List<FaqRule> faq,
        @NotNull @DefaultValue("The answer service is having difficulties right now. Please try again in a few minutes,"
                + " rephrase your question, or contact support.") String genericAnswer,
        @NotNull @DefaultValue("24h") Duration staleAnswerTtl) {

    public record FaqRule(@NotNull List<String> patterns, @NotNull String answer, @DefaultValue List<String> sources) {
    }
}

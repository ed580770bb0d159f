package io.ragline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Without their servers, slow tests skip saying how to start them, except under CI, where they run and fail. */
class ServicesConditionTest {

    @Test
    void missingServersSkipLocallyAndFailUnderCi() {
        ConditionEvaluationResult local = ServicesCondition.evaluate(Map.of(), ServicesCondition.SERVICES, "start them");
        ConditionEvaluationResult ci = ServicesCondition.evaluate(Map.of("CI", "true"), ServicesCondition.SERVICES, "start them");
        ConditionEvaluationResult there = ServicesCondition.evaluate(
                Map.of("SERVICES_POSTGRES_URL", "jdbc:postgresql://x/y", "SERVICES_REDIS_HOST", "127.0.0.1"), ServicesCondition.SERVICES, "start them");

        assertThat(local.isDisabled()).isTrue();
        assertThat(local.getReason()).contains("skipped: start them");
        assertThat(ci.isDisabled()).isFalse();
        assertThat(there.isDisabled()).isFalse();
    }
}

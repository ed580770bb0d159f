package io.ragline.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test that needs real servers only when they are there, or under CI, where a missing server must
 * fail the build rather than quietly skip its tests.
 */
public final class ServicesCondition implements ExecutionCondition {

    static final List<String> SERVICES = List.of("SERVICES_POSTGRES_URL", "SERVICES_REDIS_HOST");
    static final List<String> STACK = List.of("RAGLINE_URL", "DOCKER_HOST");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean stack = context.getTestClass().map(type -> type.isAnnotationPresent(RequiresStack.class)).orElse(false);
        return evaluate(System.getenv(), stack ? STACK : SERVICES, stack
                ? "no production stack: run eval \"$(./scripts/stack up)\" first"
                : "PostgreSQL and Redis are not running: run eval \"$(./scripts/services start)\" first, or ./scripts/test");
    }

    static ConditionEvaluationResult evaluate(Map<String, String> environment, List<String> needed, String howToStart) {
        boolean present = needed.stream().allMatch(name -> !environment.getOrDefault(name, "").isBlank());
        if (present) {
            return ConditionEvaluationResult.enabled("servers are there");
        }
        if (!environment.getOrDefault("CI", "").isBlank()) {
            return ConditionEvaluationResult.enabled("CI is set: runs, and fails without its servers");
        }
        return ConditionEvaluationResult.disabled("skipped: " + howToStart);
    }
}

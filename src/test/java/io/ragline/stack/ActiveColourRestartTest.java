package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.deploy.NginxLoad;
import io.ragline.support.RequiresStack;

/**
 * docker compose restart of the active colour under load. With no other colour running, users see a
 * JSON 503 with Retry-After from nginx (never a bare 502 page) until the colour is back, and no more than
 * while it restarts: every request after it answers 200.
 */
@Tag("stack")
@RequiresStack
class ActiveColourRestartTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void aRestartShowsUsersABriefJson503() throws Exception {
        stack.awaitHealthy(Duration.ofMinutes(3));
        String colour = stack.activeColour();
        List<String> failures;
        int requests;
        long restartSeconds;
        try (NginxLoad load = new NginxLoad(stack.url, stack.https, stack.apiKey, "restart-" + System.currentTimeMillis() + "-")) {
            load.start();
            long start = System.nanoTime();
            Stack.Run restarted = stack.compose("restart", "ragline-" + colour);
            assertThat(restarted.exit()).as(restarted.output()).isZero();
            stack.awaitHealthy(Duration.ofMinutes(3));
            restartSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            int failedBefore = load.failures.size();
            // after the restart, a further ten seconds of load must all succeed
            long after = System.nanoTime();
            org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(15))
                    .until(() -> System.nanoTime() - after >= Duration.ofSeconds(10).toNanos());
            load.close();
            failures = load.failures;
            requests = load.requests();
            assertThat(failures.size()).as("failures after the colour was healthy again").isEqualTo(failedBefore);
        }
        System.out.printf("restart of %s: %d s until healthy, %d of %d requests answered 503%n", colour, restartSeconds, failures.size(), requests);
        assertThat(restartSeconds).as("seconds until the colour is healthy again").isLessThan(120);
        assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(failure)
                .contains("-> 503 ").contains("\"error\""));
    }
}

package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RequiresStack;

/**
 * The stack as shipped: the API answers over TLS with a key and refuses without one, plain HTTP only
 * redirects, the actuator stays private, and nothing is published beyond loopback.
 */
@Tag("stack")
@RequiresStack
class StackServesOverTlsOnlyTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void theApiNeedsTlsAndAKey() {
        assertThat(stack.ingest("tls-harbour", "The harbour office opens at seven in the morning.").status()).isEqualTo(200);
        Stack.Reply answer = stack.query("When does the harbour office open?");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("tls-harbour");

        Stack.Reply keyless = stack.send(HttpRequest.newBuilder(URI.create(stack.url + "/api/query"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"harbour\"}")));
        assertThat(keyless.status()).isEqualTo(401);
        assertThat(keyless.json().has("error")).isTrue();

        assertThat(stack.get("/actuator/prometheus").status()).isEqualTo(404);
        String plain = "http://127.0.0.1:" + stack.setting("NGINX_HTTP_PORT");
        Stack.Reply redirected = stack.send(HttpRequest.newBuilder(URI.create(plain + "/api/query"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"harbour\"}")));
        assertThat(redirected.status()).isEqualTo(308);
        assertThat(stack.send(HttpRequest.newBuilder(URI.create(plain + "/health")).GET()).status()).isEqualTo(200);
    }

    @Test
    void everyPublishedPortIsOnLoopback() {
        String ports = stack.docker("ps", "--filter", "label=com.docker.compose.project=" + stack.setting("COMPOSE_PROJECT_NAME"),
                "--format", "{{.Ports}}").output();
        assertThat(ports).contains("127.0.0.1:" + stack.setting("NGINX_HTTPS_PORT") + "->443/tcp");
        assertThat(ports.replaceAll("127\\.0\\.0\\.1:\\d+->\\d+/tcp", "")).doesNotContain("->");
    }
}

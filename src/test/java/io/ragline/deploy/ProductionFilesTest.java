package io.ragline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The production files hold what this machine cannot run (no Docker engine): every service the layout
 * names, each with a health check; no secret written in the compose file, and each one it needs listed
 * in .env.example; an image that runs as a non-root user, checks its health and reports its version.
 */
class ProductionFilesTest {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?");

    @Test
    void composeFileHasEveryServiceWithAHealthCheckAndNoInlineSecret() throws IOException {
        String text = Files.readString(Path.of("docker-compose.production.yml"));
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(text).get("services");
        assertThat(services.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "ragline-blue", "ragline-green", "nginx", "redis", "postgres", "kafka", "artemis", "prometheus", "alertmanager",
                "grafana");
        services.fields().forEachRemaining(service ->
                assertThat(service.getValue().has("healthcheck") || service.getKey().startsWith("ragline-"))
                        .as("%s has a health check", service.getKey()).isTrue());
        assertThat(text).contains("x-ragline: &ragline").contains("healthcheck:\n    test: [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:8080/health\"]");
        assertThat(services.get("redis").get("command").toString()).contains("--appendonly", "yes");
        assertThat(text).doesNotContainPattern("(?i)(PASSWORD|API_KEY): [^$\\n]");

        Set<String> required = new TreeSet<>();
        Matcher matcher = REQUIRED_VARIABLE.matcher(text);
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        assertThat(required).isNotEmpty();
        String example = Files.readString(Path.of(".env.example"));
        assertThat(required).allSatisfy(variable -> assertThat(example).contains(variable + "="));
        assertThat(Files.readString(Path.of(".gitignore"))).contains(".env\n");
    }

    /** Both colours mount the key file, read it without "optional:", and refuse to start without a key. */
    @Test
    @SuppressWarnings("unchecked")
    void theStackNeverServesTheApiOpenByAccident() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.production.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (String colour : List.of("ragline-blue", "ragline-green")) {
            Map<String, Object> service = (Map<String, Object>) services.get(colour);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat((List<String>) service.get("secrets")).as(colour).contains("ragline-keys.yml");
            assertThat(environment.get("SPRING_CONFIG_IMPORT")).as(colour).isEqualTo("file:/run/secrets/ragline-keys.yml");
            assertThat(environment.get("RAGLINE_SECURITY_REQUIRE_KEYS")).as(colour).isEqualTo("${RAGLINE_SECURITY_REQUIRE_KEYS:-true}");
        }
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        assertThat(((Map<String, Object>) secrets.get("ragline-keys.yml")).get("file"))
                .isEqualTo("${RAGLINE_SECRETS_DIR:-./secrets}/ragline-keys.yml");
        assertThat(Files.readString(Path.of(".gitignore"))).contains("secrets/\n");
        assertThat(Files.readString(Path.of(".env.example"))).contains("ragline-keys.yml", "RAGLINE_SECURITY_REQUIRE_KEYS=false");
    }

    @Test
    void imageRunsAsNonRootWithAHealthCheckAndItsVersion() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25", "FROM ${BUILD_IMAGE} AS build",
                "ARG RUNTIME_IMAGE=eclipse-temurin:25-jre", "FROM ${RUNTIME_IMAGE}", "\"--add-modules\", \"jdk.incubator.vector\"",
                "ARG VERSION", "ENV RAGLINE_RELEASE_VERSION=${VERSION}", "USER ragline", "HEALTHCHECK");
        assertThat(Map.of("nginx", Files.readString(Path.of("nginx/nginx.conf"))).get("nginx"))
                .contains("include /etc/nginx/ragline/upstream.conf;", "proxy_pass http://$ragline_upstream;", "location = /health",
                        "proxy_read_timeout");
    }
}

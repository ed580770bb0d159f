package io.ragline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A misspelt ragline.* key fails the start-up, naming the key; every real spelling passes. */
class SettingsKeysCheckTest {

    @Test
    void anUnknownKeyIsNamed() {
        StandardEnvironment environment = environment(Map.of("ragline.store.type", "pgvector", "ragline.store.backend", "lucene"));

        assertThatThrownBy(() -> check(environment))
                .isInstanceOf(UnknownSettingsException.class)
                .hasMessageContaining("ragline.store.type")
                .hasMessageNotContaining("ragline.store.backend");
    }

    @Test
    void knownKeysPassInEveryForm() {
        StandardEnvironment environment = environment(Map.of(
                "ragline.ingest.folder.read-lock-min-age", "1s",
                "ragline.ingest.folder.readLockCheckInterval", "1s",
                "ragline.fallback.faq[0].patterns[0]", "vat",
                "ragline.fallback.faq[0].answer", "20%",
                "ragline.examples.notes-folder.client-id", "notes",
                "other.key", "not ours"));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "RAGLINE_EMBEDDING_OPENAI_API_KEY", "secret",
                "RAGLINE_ROUTES", "file:elsewhere/*.yaml",
                "RAGLINE_INGEST_KAFKA_BROKERS", "kafka:9092")));

        assertThatNoException().isThrownBy(() -> check(environment));
    }

    @Test
    void aMisspeltEnvironmentVariableIsNamedToo() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("RAGLINE_EMBEDING_PROVIDER", "openai")));

        assertThatThrownBy(() -> check(environment)).isInstanceOf(UnknownSettingsException.class)
                .satisfies(e -> assertThat(((UnknownSettingsException) e).keys()).singleElement().asString()
                        .startsWith("ragline.embeding.provider"));
    }

    @Test
    void theVariablesKubernetesInjectsForAServiceNamedRaglineAreNotSettings() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "RAGLINE_PORT", "tcp://10.0.0.1:8080",
                "RAGLINE_PORT_8080_TCP", "tcp://10.0.0.1:8080",
                "RAGLINE_PORT_8080_TCP_PROTO", "tcp",
                "RAGLINE_PORT_8080_TCP_PORT", "8080",
                "RAGLINE_PORT_8080_TCP_ADDR", "10.0.0.1",
                "RAGLINE_SERVICE_HOST", "10.0.0.1",
                "RAGLINE_SERVICE_PORT", "8080",
                "RAGLINE_SERVICE_PORT_HTTP", "8080",
                "RAGLINE_METRICS_SERVICE_HOST", "10.0.0.2")));

        assertThatNoException().isThrownBy(() -> check(environment));
    }

    @Test
    void theSameNamesFromAnyOtherSourceAreStillRefused() {
        StandardEnvironment environment = environment(Map.of("ragline.port", "8080", "ragline.service-host", "x"));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "RAGLINE_SERVICE_HOST", "10.0.0.1", "RAGLINE_STORE_TYPE", "pgvector")));

        assertThatThrownBy(() -> check(environment)).isInstanceOf(UnknownSettingsException.class)
                .satisfies(e -> assertThat(((UnknownSettingsException) e).keys()).hasSize(3).anySatisfy(key -> assertThat(key).startsWith("ragline.port ("))
                        .anySatisfy(key -> assertThat(key).startsWith("ragline.service-host ("))
                        .anySatisfy(key -> assertThat(key).startsWith("ragline.store.type (systemEnvironment")));
    }

    @Test
    void withoutTheBuildsMetadataTheStartUpFailsSayingWhy() {
        ClassLoader noMetadata = new ClassLoader(null) {
        };

        assertThatThrownBy(() -> SettingsKeysCheck.check(environment(Map.of()), SettingsKeysCheck.KnownKeys.load(noMetadata)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring-boot-configuration-processor");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static void check(StandardEnvironment environment) {
        new SettingsKeysCheck().postProcessEnvironment(environment, new SpringApplication());
    }
}

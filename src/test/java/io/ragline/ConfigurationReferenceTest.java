package io.ragline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * application.yml is the configuration reference (docs/configuration.md sends readers there): it names
 * every key the settings records bind, and no key they do not.
 */
class ConfigurationReferenceTest {

    /** Keys bound but deliberately not in application.yml, each with its reason. */
    private static final Map<String, String> NOT_LISTED = Map.of(
            "ragline.cache.max-entries", "replaced by max-bytes; still accepted, ignored, and said so at start-up",
            "ragline.llm.openai.batch-size", "an embedding setting of the endpoint record the LLM shares",
            "ragline.llm.openai.dimension", "an embedding setting of the endpoint record the LLM shares");

    @Test
    void applicationYmlNamesEveryBoundKeyAndNoOther() throws IOException {
        Map<String, String> bound = new TreeMap<>();
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(metadata).path("properties")) {
                if (property.path("name").asText().startsWith("ragline.")) {
                    bound.put(property.path("name").asText(), property.path("type").asText(""));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        flatten("", new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml"))), listed);

        Set<String> collections = new TreeSet<>();
        bound.forEach((key, type) -> {
            if (type.startsWith("java.util.List") || type.startsWith("java.util.Map") || type.startsWith("java.util.Set")) {
                collections.add(key);
            }
        });
        Set<String> unbound = new TreeSet<>();
        for (String key : listed) {
            boolean group = bound.keySet().stream().anyMatch(name -> name.startsWith(key + "."));
            if (key.startsWith("ragline.") && !bound.containsKey(key) && !group && collections.stream().noneMatch(key::startsWith)) {
                unbound.add(key);
            }
        }
        Set<String> missing = new TreeSet<>(bound.keySet());
        missing.removeAll(listed);
        missing.removeAll(NOT_LISTED.keySet());

        assertThat(unbound).as("keys in application.yml that no settings record binds").isEmpty();
        assertThat(missing).as("bound keys application.yml does not name").isEmpty();
        assertThat(bound).hasSizeGreaterThan(100);
    }

    /** Every key of the YAML tree, a map's own key included even when it is empty. */
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            keys.add(key);
            flatten(key, entry.getValue(), keys);
        }
    }
}

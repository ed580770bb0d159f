package io.ragline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;

/**
 * deploy/k8s/ragline.yaml, checked by hand (no Kubernetes schema validator is served here): a Service
 * named ragline, a Deployment whose probes name Actuator groups that answer, and a Secret whose key file,
 * mounted where the manifest says, turns the keys on.
 */
@Tag("slow")
class KubernetesManifestTest {

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("unchecked")
    void theManifestsProbesAndSecretFitTheApplication() throws IOException {
        List<Map<String, Object>> resources = new ArrayList<>();
        new Yaml().loadAll(Files.readString(Path.of("deploy/k8s/ragline.yaml"))).forEach(doc -> resources.add((Map<String, Object>) doc));
        Map<String, Object> secret = only(resources, "Secret");
        Map<String, Object> deployment = only(resources, "Deployment");
        Map<String, Object> service = only(resources, "Service");
        assertThat(((Map<String, Object>) service.get("metadata")).get("name")).isEqualTo("ragline");

        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                .get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        List<String> probePaths = List.of("startupProbe", "livenessProbe", "readinessProbe").stream()
                .map(probe -> (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path")).toList();
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).get(0);
        String configImport = ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(variable -> "SPRING_CONFIG_IMPORT".equals(variable.get("name"))).map(variable -> (String) variable.get("value"))
                .findFirst().orElseThrow();
        assertThat(configImport).isEqualTo("optional:file:" + mount.get("mountPath"));
        String keysFile = (String) ((Map<String, Object>) secret.get("stringData")).get(mount.get("subPath"));

        Path mounted = work.resolve("ragline-keys.yml");
        Files.writeString(mounted, keysFile);
        try (ConfigurableApplicationContext app = RaglineApps.start(work, "--spring.config.import=optional:file:" + mounted)) {
            RaglineHttp http = RaglineApps.http(app);
            for (String path : probePaths) {
                assertThat(http.get(path).status()).as(path).isEqualTo(200);
            }
            assertThat(http.post("/api/query", Map.of("query", "q")).status()).as("the Secret's keys are on").isEqualTo(401);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> found = resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}

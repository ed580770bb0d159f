package io.ragline.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Loads the YAML routes of {@code ragline.routes} only from folders that exist: Camel fails the start-up
 * on a {@code file:} pattern whose folder is missing, and a jar started anywhere but the project folder
 * has no {@code routes/}. A missing folder is said at start-up and skipped.
 */
public class UserRoutesLocation implements EnvironmentPostProcessor {

    static final String ROUTES = "ragline.routes";
    private static final String CAMEL_PATTERN = "camel.main.routes-include-pattern";
    private static final String CAMEL_DEFAULT = "classpath:camel/*";

    private final Log log;

    public UserRoutesLocation(DeferredLogFactory logs) {
        this.log = logs.getLog(UserRoutesLocation.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String routes = environment.getProperty(ROUTES);
        if (routes == null || routes.isBlank()) {
            return;
        }
        List<String> patterns = Arrays.stream(routes.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        List<String> present = patterns.stream().filter(this::folderExists).toList();
        if (present.size() != patterns.size()) {
            // none left: Camel's own default, which finds nothing in this jar (an empty pattern fails)
            environment.getPropertySources().addFirst(new MapPropertySource("ragline-user-routes",
                    Map.of(CAMEL_PATTERN, present.isEmpty() ? CAMEL_DEFAULT : String.join(",", present))));
        }
    }

    private boolean folderExists(String pattern) {
        if (!pattern.startsWith("file:")) {
            return true;
        }
        Path path = Path.of(pattern.substring("file:".length()));
        Path folder = path.getFileName() != null && path.getFileName().toString().contains("*") ? path.getParent() : path;
        if (folder == null || Files.isDirectory(folder)) {
            return true;
        }
        log.info("No YAML routes loaded from " + pattern + ": the folder " + folder.toAbsolutePath() + " does not exist");
        return false;
    }
}

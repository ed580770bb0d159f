package io.ragline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fails the start-up on a {@code ragline.*} key that no settings record binds, such as a misspelt one:
 * Spring Boot ignores keys it does not bind, so {@code ragline.store.type=pgvector} would silently run
 * on the default store. The known keys are those of the configuration metadata that Spring Boot's
 * annotation processor writes from the settings records. Keys are compared in Spring Boot's relaxed form
 * (case, dashes, dots and underscores ignored), so environment variables pass as they bind.
 * <p>
 * Written here because Spring Boot offers strictness only per record ({@code ignoreUnknownFields}),
 * which cannot cover a tree whose branches are bound by the records of different features.
 */
public class SettingsKeysCheck implements EnvironmentPostProcessor, Ordered {

    static final String PREFIX = "ragline";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);
    /** The service links of the Kubernetes documentation, "Environment variables" of "Service". */
    private static final Pattern SERVICE_LINK = Pattern.compile(
            "[A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment, KnownKeys.load(getClass().getClassLoader()));
    }

    static void check(ConfigurableEnvironment environment, KnownKeys known) {
        if (known.isEmpty()) {
            // a build without the annotation processor would otherwise let every misspelt key through unseen
            throw new IllegalStateException(METADATA + " names no " + PREFIX + ".* key: the build must run"
                    + " spring-boot-configuration-processor, or unknown settings cannot be refused");
        }
        Set<String> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable && !isAttachedView(source)) {
                iterable.stream()
                        .filter(ROOT::isAncestorOf)
                        .filter(name -> !known.contains(name))
                        .filter(name -> !isServiceLink(source, name))
                        .forEach(name -> unknown.add(name + " (" + origin(source) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSettingsException(unknown);
        }
    }

    /**
     * A variable Kubernetes injects for a Service ({@code RAGLINE_PORT=tcp://10.0.0.1:8080},
     * {@code RAGLINE_SERVICE_HOST}, ...): a Service named like the application must not stop its pods
     * from starting. Only environment variables of exactly that shape are passed over.
     */
    static boolean isServiceLink(ConfigurationPropertySource source, ConfigurationPropertyName name) {
        if (!(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
            return false;
        }
        StringBuilder variable = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            variable.append(i == 0 ? "" : "_").append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM).toUpperCase(Locale.ROOT));
        }
        return SERVICE_LINK.matcher(variable).matches();
    }

    /** Spring Boot's own view over every other source repeats their names. */
    private static boolean isAttachedView(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof PropertySource<?> property
                && "configurationProperties".equals(property.getName());
    }

    private static String origin(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof PropertySource<?> property ? property.getName() : String.valueOf(source);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files have been loaded
    }

    /** The metadata's {@code ragline.*} properties, in relaxed form; collections accept anything below them. */
    static final class KnownKeys {

        private final Set<String> keys = new HashSet<>();
        private final List<String> collections = new ArrayList<>();

        static KnownKeys load(ClassLoader classLoader) {
            KnownKeys known = new KnownKeys();
            ObjectMapper json = new ObjectMapper();
            try {
                Enumeration<URL> resources = classLoader.getResources(METADATA);
                while (resources.hasMoreElements()) {
                    try (InputStream in = resources.nextElement().openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            known.add(property.path("name").asText(), property.path("type").asText(""));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + METADATA, e);
            }
            return known;
        }

        private void add(String name, String type) {
            if (!name.startsWith(PREFIX + ".")) {
                return;
            }
            String relaxed = relaxed(ConfigurationPropertyName.of(name));
            keys.add(relaxed);
            if (type.startsWith("java.util.List") || type.startsWith("java.util.Map") || type.startsWith("java.util.Set")
                    || type.endsWith("[]")) {
                collections.add(relaxed);
            }
        }

        boolean isEmpty() {
            return keys.isEmpty();
        }

        boolean contains(ConfigurationPropertyName name) {
            String relaxed = relaxed(name);
            return keys.contains(relaxed) || collections.stream().anyMatch(relaxed::startsWith);
        }

        /** Elements in uniform form, list indexes dropped, without separators. */
        private static String relaxed(ConfigurationPropertyName name) {
            StringBuilder relaxed = new StringBuilder();
            for (int i = 0; i < name.getNumberOfElements(); i++) {
                if (!name.isNumericIndex(i)) {
                    relaxed.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM).replace("_", ""));
                }
            }
            return relaxed.toString();
        }
    }
}

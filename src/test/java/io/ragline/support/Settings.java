package io.ragline.support;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings records for tests without Spring: their defaults, with some keys set. */
public final class Settings {

    private Settings() {
    }

    public static <T> T defaults(Class<T> type) {
        return with(type, Map.of());
    }

    /** @param values keys relative to the record's prefix, e.g. {@code "max-attempts" -> "3"} */
    public static <T> T with(Class<T> type, Map<String, String> values) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        values.forEach((key, value) -> source.put(prefix + "." + key, value));
        return new Binder(source).bindOrCreate(prefix, type);
    }
}

package io.ragline.api;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.ragline.document.Limits;

/**
 * A tighter body limit than {@code ragline.limits.request-bytes} for the requests of one method and
 * paths, declared as a bean by the feature that serves them: a question needs kilobytes, so it is never
 * read past them.
 *
 * @param key the setting the limit comes from, named in the 413
 */
public record BodyLimit(HttpMethod method, List<PathPattern> paths, DataSize maxBytes, String key) {

    /** Requests that carry no documents: {@code ragline.limits.small-request-bytes}. */
    public static BodyLimit small(Limits limits, HttpMethod method, String... paths) {
        return new BodyLimit(method, List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList(),
                limits.smallRequestBytes(), "ragline.limits.small-request-bytes");
    }

    boolean matches(String method, PathContainer path) {
        return this.method.matches(method) && paths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}

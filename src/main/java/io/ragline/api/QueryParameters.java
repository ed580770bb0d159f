package io.ragline.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a raw query string, as the API reads them: each named once at most (a proxy and
 * Ragline could each act on a different copy), decoded as forms encode them ('+' a space). Read from the
 * query string itself, never from a header of the same name.
 */
public final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @param rawQuery the query string as sent, null or empty when there is none */
    public static QueryParameters parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.putIfAbsent(name, value) != null) {
                throw new InvalidRequestException("query parameter " + name + " is given more than once");
            }
        }
        return new QueryParameters(values);
    }

    /** Refuses a parameter the endpoint does not define, so that a misspelt one is not silently ignored. */
    public void onlyNames(List<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidRequestException("unknown query parameter '" + JsonBodies.quotable(name) + "'; the parameters are "
                        + String.join(", ", names));
            }
        }
    }

    /** The parameter's value, null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the query string is not validly percent-encoded");
        }
    }
}

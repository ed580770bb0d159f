package io.ragline.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Conditions on a document's metadata that every chunk of a search must meet, ANDed; applied inside
 * both searches, as the client filter is. Values are strings, numbers (as doubles) or booleans.
 */
public record MetadataFilter(List<Condition> conditions) {

    public static final MetadataFilter NONE = new MetadataFilter(List.of());

    public MetadataFilter {
        conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The same filter written the same way, for cache keys. */
    public String canonical() {
        return conditions.stream().map(Condition::toString).sorted().collect(Collectors.joining(";"));
    }

    /** One key's condition. */
    public sealed interface Condition permits AnyOf, Range {
        String key();
    }

    /** The key holds one of the values: one value is plain equality. */
    public record AnyOf(String key, List<Object> values) implements Condition {
        public AnyOf {
            values = List.copyOf(values);
        }
    }

    /**
     * The key's value lies within the bounds (null: open). Bounds are numbers, compared as numbers, or
     * ISO-8601 dates and times, compared as text: {@code 2024-05-01} sorts before {@code 2024-05-01T10:00Z}.
     */
    public record Range(String key, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) implements Condition {

        public boolean numeric() {
            return (lower == null ? upper : lower) instanceof Double;
        }
    }
}

package io.ragline.store.pgvector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ragline.store.MetadataFilter;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Condition;
import io.ragline.store.MetadataFilter.Range;
import io.ragline.store.StoredMetadata;

/**
 * A metadata filter as a SQL condition on the jsonb column, with its parameters: equality is jsonb
 * containment (typed: the number 3 is not the string "3"), number ranges compare numbers, date ranges
 * compare ISO text byte by byte, as Lucene does. Keys and values only ever travel as parameters.
 */
record PgMetadataFilter(String sql, List<Object> parameters) {

    private static final PgMetadataFilter NONE = new PgMetadataFilter("", List.of());

    static PgMetadataFilter of(MetadataFilter filter) {
        if (filter.isEmpty()) {
            return NONE;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Condition condition : filter.conditions()) {
            sql.append(" AND ");
            switch (condition) {
                case AnyOf any -> {
                    sql.append('(');
                    for (int i = 0; i < any.values().size(); i++) {
                        sql.append(i == 0 ? "" : " OR ").append("metadata @> ?::jsonb");
                        parameters.add(StoredMetadata.toJson(Map.of(any.key(), any.values().get(i))));
                    }
                    sql.append(')');
                }
                case Range range -> {
                    String value = range.numeric()
                            ? "(CASE WHEN jsonb_typeof(metadata -> ?) = 'number' THEN (metadata ->> ?)::float8 END)"
                            : "(CASE WHEN jsonb_typeof(metadata -> ?) = 'string' THEN metadata ->> ? END) COLLATE \"C\"";
                    sql.append('(').append(value).append(" IS NOT NULL");
                    parameters.add(range.key());
                    parameters.add(range.key());
                    bound(sql, parameters, value, range.key(), range.lower(), range.lowerInclusive() ? ">=" : ">");
                    bound(sql, parameters, value, range.key(), range.upper(), range.upperInclusive() ? "<=" : "<");
                    sql.append(')');
                }
            }
        }
        return new PgMetadataFilter(sql.toString(), List.copyOf(parameters));
    }

    private static void bound(StringBuilder sql, List<Object> parameters, String value, String key, Object bound, String operator) {
        if (bound != null) {
            sql.append(" AND ").append(value).append(' ').append(operator).append(" ?");
            parameters.add(key);
            parameters.add(key);
            parameters.add(bound);
        }
    }

    /** The query's parameters with this filter's put in at {@code at}. */
    Object[] around(int at, Object... query) {
        List<Object> all = new ArrayList<>(List.of(query));
        all.addAll(at, parameters);
        return all.toArray();
    }
}

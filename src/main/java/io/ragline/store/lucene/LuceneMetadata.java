package io.ragline.store.lucene;

import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

import io.ragline.store.MetadataFilter;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Condition;
import io.ragline.store.MetadataFilter.Range;

/**
 * Metadata indexed for filters, beside the stored JSON: a string as a term, a number as a point, a
 * boolean as a term of its own field. Chunks written before filters existed carry none of these fields,
 * so a filter leaves them out until their document is ingested again.
 */
final class LuceneMetadata {

    private static final String TEXT = "meta:";
    private static final String NUMBER = "meta_number:";
    private static final String BOOLEAN = "meta_boolean:";

    private LuceneMetadata() {
    }

    static void index(Document doc, Map<String, Object> metadata) {
        metadata.forEach((key, value) -> {
            if (value instanceof Number number) {
                doc.add(new DoublePoint(NUMBER + key, number.doubleValue()));
            } else if (value instanceof Boolean bool) {
                doc.add(new StringField(BOOLEAN + key, bool.toString(), Field.Store.NO));
            } else {
                doc.add(new StringField(TEXT + key, String.valueOf(value), Field.Store.NO));
            }
        });
    }

    /** The client's chunks that meet the filter. */
    static Query scope(Query client, MetadataFilter filter) {
        if (filter.isEmpty()) {
            return client;
        }
        BooleanQuery.Builder scope = new BooleanQuery.Builder().add(client, Occur.FILTER);
        filter.conditions().forEach(condition -> scope.add(query(condition), Occur.FILTER));
        return scope.build();
    }

    private static Query query(Condition condition) {
        return switch (condition) {
            case AnyOf any -> {
                BooleanQuery.Builder values = new BooleanQuery.Builder();
                any.values().forEach(value -> values.add(equalTo(any.key(), value), Occur.SHOULD));
                yield values.build();
            }
            case Range range when range.numeric() -> DoublePoint.newRangeQuery(NUMBER + range.key(),
                    range.lower() == null ? Double.NEGATIVE_INFINITY
                            : range.lowerInclusive() ? (Double) range.lower() : Math.nextUp((Double) range.lower()),
                    range.upper() == null ? Double.POSITIVE_INFINITY
                            : range.upperInclusive() ? (Double) range.upper() : Math.nextDown((Double) range.upper()));
            case Range range -> TermRangeQuery.newStringRange(TEXT + range.key(), (String) range.lower(), (String) range.upper(),
                    range.lowerInclusive(), range.upperInclusive());
        };
    }

    private static Query equalTo(String key, Object value) {
        if (value instanceof Double number) {
            return DoublePoint.newExactQuery(NUMBER + key, number);
        }
        if (value instanceof Boolean bool) {
            return new TermQuery(new Term(BOOLEAN + key, bool.toString()));
        }
        return new TermQuery(new Term(TEXT + key, (String) value));
    }
}

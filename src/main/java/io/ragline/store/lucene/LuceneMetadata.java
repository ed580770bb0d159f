package io.ragline.store.lucene;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import io.ragline.store.MetadataFilter;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Condition;
import io.ragline.store.MetadataFilter.Range;

/**
 * Metadata indexed for filters, beside the stored JSON, as terms of one field: the key, a separator, a
 * type letter, and the value (a string's UTF-8, a number's sortable bytes, true or false). One field
 * whatever the keys, so clients inventing keys cannot grow the index's field table; a key's numbers sort
 * as numbers within it, so ranges are term ranges. Chunks written before filters existed carry no such
 * terms, so a filter leaves them out until their document is ingested again.
 */
final class LuceneMetadata {

    static final String FIELD = "metadata_terms";
    private static final byte SEPARATOR = 0x1f;
    private static final byte TEXT = 's';
    private static final byte NUMBER = 'n';
    private static final byte BOOLEAN = 'b';
    private static final byte[] HIGHEST = {-1, -1, -1, -1, -1, -1, -1, -1, -1};

    private LuceneMetadata() {
    }

    static void index(Document doc, Map<String, Object> metadata) {
        metadata.forEach((key, value) -> doc.add(new StringField(FIELD, term(key, value), Field.Store.NO)));
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
                any.values().forEach(value -> values.add(new TermQuery(new Term(FIELD, term(any.key(), value))), Occur.SHOULD));
                yield values.build();
            }
            case Range range -> {
                byte type = range.numeric() ? NUMBER : TEXT;
                // an open bound is the lowest or highest term of the key's type: no string's UTF-8 holds 0xff,
                // and nine 0xff bytes sort after any number's eight
                BytesRef lower = range.lower() == null ? prefixed(range.key(), type, new byte[0]) : term(range.key(), range.lower());
                BytesRef upper = range.upper() == null ? prefixed(range.key(), type, HIGHEST) : term(range.key(), range.upper());
                yield new TermRangeQuery(FIELD, lower, upper, range.lower() == null || range.lowerInclusive(),
                        range.upper() == null || range.upperInclusive());
            }
        };
    }

    private static BytesRef term(String key, Object value) {
        if (value instanceof Number number) {
            byte[] sortable = new byte[Long.BYTES];
            NumericUtils.longToSortableBytes(NumericUtils.doubleToSortableLong(number.doubleValue()), sortable, 0);
            return prefixed(key, NUMBER, sortable);
        }
        if (value instanceof Boolean bool) {
            return prefixed(key, BOOLEAN, bool.toString().getBytes(StandardCharsets.UTF_8));
        }
        return prefixed(key, TEXT, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    private static BytesRef prefixed(String key, byte type, byte[] value) {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        byte[] term = Arrays.copyOf(name, name.length + 2 + value.length);
        term[name.length] = SEPARATOR;
        term[name.length + 1] = type;
        System.arraycopy(value, 0, term, name.length + 2, value.length);
        return new BytesRef(term);
    }
}

package io.ragline.store.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SmallFloat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * BM25's corpus statistics counted over one client's chunks only: how many chunks hold a word, how
 * long chunks are on average. Lucene counts them over the whole index, so another client's documents
 * would move a client's scores and tell it whether a word exists in anyone's corpus. Written here
 * because Lucene leaves statistics to the searcher ({@link IndexSearcher#collectionStatistics},
 * {@link IndexSearcher#termStatistics}) and offers no filtered ones.
 * <p>
 * A client's chunk count and total length per segment are cached while the segment (with its deletes)
 * lives; a word's counts are taken per question, from the postings of its few terms.
 */
final class ClientStatistics {

    private final Cache<Object, Map<String, long[]>> perSegment = Caffeine.newBuilder().weakKeys().build();
    private final Executor segmentSearchPool;

    /** @param segmentSearchPool where the searchers it makes search segments side by side, as the store's own */
    ClientStatistics(Executor segmentSearchPool) {
        this.segmentSearchPool = segmentSearchPool;
    }

    /** A searcher over the same reader whose statistics are the client's. */
    IndexSearcher scoped(IndexSearcher base, String clientId) {
        return new Scoped(base, new Term(LuceneChunks.CLIENT, clientId));
    }

    private final class Scoped extends IndexSearcher {

        private final Term client;

        Scoped(IndexSearcher base, Term client) {
            super(base.getIndexReader(), segmentSearchPool);
            setSimilarity(base.getSimilarity());
            setQueryCache(base.getQueryCache());
            setQueryCachingPolicy(base.getQueryCachingPolicy());
            this.client = client;
        }

        @Override
        public CollectionStatistics collectionStatistics(String field) throws IOException {
            IndexReader reader = getIndexReader();
            if (reader.maxDoc() == 0) {
                return super.collectionStatistics(field);
            }
            long docCount = 0;
            long totalLength = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                long[] counts = lengths(leaf.reader(), client, field);
                docCount += counts[0];
                totalLength += counts[1];
            }
            // a client with none of its chunks holding the field matches nothing: any valid figures do
            return docCount == 0 ? new CollectionStatistics(field, reader.maxDoc(), 1, 1, 1)
                    : new CollectionStatistics(field, reader.maxDoc(), docCount, totalLength, totalLength);
        }

        @Override
        public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
            long clientDocFreq = 0;
            long clientTermFreq = 0;
            for (LeafReaderContext leaf : getIndexReader().leaves()) {
                PostingsEnum clientDocs = leaf.reader().postings(client, PostingsEnum.NONE);
                PostingsEnum termDocs = leaf.reader().postings(term, PostingsEnum.FREQS);
                if (clientDocs == null || termDocs == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                int doc = termDocs.nextDoc();
                while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                    int clientDoc = clientDocs.advance(doc);
                    if (clientDoc == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (clientDoc == doc) {
                        if (live == null || live.get(doc)) {
                            clientDocFreq++;
                            clientTermFreq += termDocs.freq();
                        }
                        doc = termDocs.nextDoc();
                    } else {
                        doc = termDocs.advance(clientDoc);
                    }
                }
            }
            // a word only other clients' chunks hold matches none of this client's: any valid figures do
            return clientDocFreq == 0 ? new TermStatistics(term.bytes(), 1, 1)
                    : new TermStatistics(term.bytes(), clientDocFreq, clientTermFreq);
        }
    }

    /** The client's live chunks holding the field in one segment, and their total length in terms. */
    private long[] lengths(LeafReader segment, Term client, String field) throws IOException {
        IndexReader.CacheHelper cacheHelper = segment.getReaderCacheHelper();
        if (cacheHelper == null) {
            return countLengths(segment, client, field);
        }
        Map<String, long[]> counts = perSegment.get(cacheHelper.getKey(), key -> new ConcurrentHashMap<>());
        String name = client.text() + '\u001f' + field;
        long[] known = counts.get(name);
        if (known == null) {
            known = countLengths(segment, client, field);
            counts.put(name, known);
        }
        return known;
    }

    private static long[] countLengths(LeafReader segment, Term client, String field) throws IOException {
        PostingsEnum clientDocs = segment.postings(client, PostingsEnum.NONE);
        NumericDocValues norms = segment.getNormValues(field);
        if (clientDocs == null || norms == null) {
            return new long[] {0, 0};
        }
        Bits live = segment.getLiveDocs();
        long docCount = 0;
        long totalLength = 0;
        for (int doc = clientDocs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = clientDocs.nextDoc()) {
            if ((live == null || live.get(doc)) && norms.advanceExact(doc)) {
                docCount++;
                // BM25 stores a chunk's length as one byte (SmallFloat.intToByte4): the length it scores with
                totalLength += SmallFloat.byte4ToInt((byte) norms.longValue());
            }
        }
        return new long[] {docCount, totalLength};
    }
}

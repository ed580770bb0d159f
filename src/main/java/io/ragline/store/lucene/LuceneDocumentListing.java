package io.ragline.store.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import io.ragline.store.DocumentPage;
import io.ragline.store.DocumentPage.Listed;
import io.ragline.store.StoredDocument;
import io.ragline.store.StoredMetadata;

/**
 * A client's documents in id order. Every chunk carries its document's key (client, separator, id), so
 * the key field's sorted term dictionary is already the listing: the page seeks to the cursor there and
 * reads each document's first chunk. A key whose chunks are all deleted (not yet merged away) is skipped.
 */
final class LuceneDocumentListing {

    private LuceneDocumentListing() {
    }

    static DocumentPage page(IndexSearcher searcher, String clientId, String afterId, int limit) throws IOException {
        List<Listed> found = new ArrayList<>();
        Terms keys = MultiTerms.getTerms(searcher.getIndexReader(), LuceneChunks.DOC_KEY);
        if (keys == null) {
            return DocumentPage.of(found, limit);
        }
        String prefix = LuceneChunks.docKey(clientId, "").text();
        TermsEnum terms = keys.iterator();
        TermsEnum.SeekStatus status = terms.seekCeil(new BytesRef(prefix + (afterId == null ? "" : afterId)));
        BytesRef term = status == TermsEnum.SeekStatus.END ? null
                : status == TermsEnum.SeekStatus.FOUND && afterId != null ? terms.next() : terms.term();
        while (term != null && found.size() <= limit) {
            String key = term.utf8ToString();
            if (!key.startsWith(prefix)) {
                break;
            }
            Listed document = listed(searcher, new Term(LuceneChunks.DOC_KEY, key));
            if (document != null) {
                found.add(document);
            }
            term = terms.next();
        }
        return DocumentPage.of(found, limit);
    }

    /** Every stored document whose source starts with the prefix, from its first chunk. */
    static List<StoredDocument> bySource(IndexSearcher searcher, String sourcePrefix) throws IOException {
        Query query = LuceneChunks.documentsBySource(sourcePrefix);
        int total = searcher.count(query);
        if (total == 0) {
            return List.of();
        }
        List<StoredDocument> documents = new ArrayList<>(total);
        StoredFields fields = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, total).scoreDocs) {
            documents.add(LuceneChunks.storedDocument(fields.document(hit.doc)));
        }
        return documents;
    }

    private static Listed listed(IndexSearcher searcher, Term key) throws IOException {
        int chunks = searcher.count(new TermQuery(key));
        if (chunks == 0) {
            return null;
        }
        TopDocs first = searcher.search(new BooleanQuery.Builder()
                .add(new TermQuery(key), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneChunks.FIRST_CHUNK, "y")), Occur.FILTER).build(), 1);
        if (first.scoreDocs.length == 0) {
            return null;
        }
        Document doc = searcher.storedFields().document(first.scoreDocs[0].doc);
        IndexableField ingestedAt = doc.getField(LuceneChunks.INGESTED_AT);
        return new Listed(doc.get(LuceneChunks.DOCUMENT_ID), doc.get(LuceneChunks.TITLE), doc.get(LuceneChunks.SOURCE), chunks,
                doc.get(LuceneChunks.CONTENT_HASH), ingestedAt == null ? null : Instant.ofEpochMilli(ingestedAt.numericValue().longValue()),
                StoredMetadata.fromJson(doc.get(LuceneChunks.METADATA)));
    }
}

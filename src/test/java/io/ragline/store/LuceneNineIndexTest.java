package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.LuceneStores;

/**
 * An index written by Ragline on Lucene 9.12 (src/test/resources/lucene9-index: two documents of client
 * acme, written by the release before the move to Lucene 10, quantized model) opens after the upgrade:
 * it answers keyword searches, counts its chunks, and takes new writes.
 */
class LuceneNineIndexTest {

    @TempDir
    Path index;

    @Test
    void anIndexWrittenByLuceneNineOpensAnswersAndTakesWrites() throws Exception {
        copyFixture();
        LuceneVectorStore store = LuceneStores.open(index, "local/all-minilm-l6-v2-q", 384);
        try {
            assertThat(store.count("acme")).isEqualTo(2);
            List<SearchHit> hits = store.keywordSearch("acme", "Where do herons nest?", 5);
            assertThat(hits).extracting(SearchHit::documentId).first().isEqualTo("herons");
            assertThat(store.contentHash("acme", "tides")).isPresent();

            assertThat(store.deleteDocument("acme", "tides")).isEqualTo(1);
            store.commit();
            assertThat(store.count("acme")).isEqualTo(1);
        } finally {
            store.close();
        }
    }

    private void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/lucene9-index").toURI());
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path file : files.toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, index.resolve(file.getFileName()));
                }
            }
        }
    }
}

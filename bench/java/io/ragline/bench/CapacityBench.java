package io.ragline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.embedding.Embedder;
import io.ragline.query.QuerySettings;
import io.ragline.store.HybridQuery;
import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.store.pgvector.PgVectorStore;
import io.ragline.support.TestServices;

/**
 * Section {@code capacity}: the inputs of docs/capacity.md. Chunks with stub vectors (clustered, the
 * model's dimension) are loaded through the store port to 10k, 100k and 1M (Lucene; pgvector to 100k);
 * at each size: load rate, disk, live heap, and the store's search times without the model or HTTP.
 * {@code -Dcapacity.max=100000} stops earlier; {@code -Dcapacity.backends=lucene} leaves out pgvector.
 */
final class CapacityBench {

    private static final int CHUNKS_PER_DOCUMENT = 100;
    private static final int DOCUMENTS_PER_COMMIT = 10;
    private static final int QUERIES = 300;

    private final RaglineBench bench;

    CapacityBench(RaglineBench bench) {
        this.bench = bench;
    }

    void capacity(Path work) throws Exception {
        int max = Integer.getInteger("capacity.max", 1_000_000);
        String backends = System.getProperty("capacity.backends", "lucene,pgvector");
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("capacity-lucene"), "--logging.level.root=WARN")) {
            grow(app, "Lucene", List.of(10_000, 100_000, 1_000_000).stream().filter(size -> size <= max).toList(),
                    () -> directorySize(work.resolve("capacity-lucene").resolve("index")));
        }
        if (!backends.contains("pgvector")) {
            return;
        }
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("capacity-pgvector"), "--logging.level.root=WARN",
                "--ragline.store.backend=pgvector", "--spring.datasource.url=" + TestServices.newPostgresDatabase("capacity"),
                "--spring.datasource.username=" + TestServices.postgresUser())) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            grow(app, "pgvector", List.of(10_000, 100_000).stream().filter(size -> size <= max).toList(),
                    () -> jdbc.queryForObject("SELECT pg_total_relation_size('chunks')", Long.class));
        }
    }

    private void grow(ConfigurableApplicationContext app, String backend, List<Integer> sizes, LongSupplier disk) throws IOException {
        VectorStore store = app.getBean(VectorStore.class);
        QuerySettings settings = app.getBean(QuerySettings.class);
        RaglineBench.ClusteredVectors vectors = new RaglineBench.ClusteredVectors(app.getBean(Embedder.class).dimension(), 256, 17);
        SyntheticText text = new SyntheticText(17, 20_000);
        int loaded = 0;
        for (int size : sizes) {
            long start = System.nanoTime();
            while (loaded < size) {
                List<EmbeddedDocument> documents = new ArrayList<>();
                for (int d = 0; d < DOCUMENTS_PER_COMMIT && loaded < size; d++, loaded += CHUNKS_PER_DOCUMENT) {
                    List<EmbeddedChunk> chunks = new ArrayList<>(CHUNKS_PER_DOCUMENT);
                    for (int c = 0; c < CHUNKS_PER_DOCUMENT; c++) {
                        chunks.add(new EmbeddedChunk(c, text.paragraph(3), vectors.next()));
                    }
                    String id = "d" + loaded / CHUNKS_PER_DOCUMENT;
                    documents.add(new EmbeddedDocument(new ParsedDocument("capacity", id, "Document " + id, null, "", "h" + id, Map.of()), chunks));
                }
                store.upsertDocuments(documents);
                store.commit();
            }
            double loadSeconds = RaglineBench.seconds(start);
            if (store instanceof LuceneVectorStore lucene) {
                lucene.awaitMerges();
            }
            if (store instanceof PgVectorStore postgres) {
                postgres.analyze();
            }
            double settleSeconds = RaglineBench.seconds(start) - loadSeconds;
            long bytes = disk.getAsLong();
            Object segments = store.health().details().getOrDefault("segments", "-");
            SyntheticText questions = new SyntheticText(size, 20_000);
            double[] vectorMillis = new double[QUERIES];
            double[] hybridMillis = new double[QUERIES];
            for (int q = 0; q < 2 * QUERIES; q++) {
                float[] vector = vectors.next();
                long t0 = System.nanoTime();
                store.vectorSearch("capacity", vector, 10);
                long t1 = System.nanoTime();
                store.hybridSearch(new HybridQuery("capacity", vector, questions.sentence(), settings.candidates(), settings.defaultTopK(),
                        settings.fusionSettings(), settings.minSimilarity()));
                long t2 = System.nanoTime();
                if (q >= QUERIES) {
                    vectorMillis[q - QUERIES] = (t1 - t0) / 1e6;
                    hybridMillis[q - QUERIES] = (t2 - t1) / 1e6;
                }
            }
            Stats vector = Stats.of(vectorMillis);
            Stats hybrid = Stats.of(hybridMillis);
            bench.row(RaglineBench.fmt("Capacity, %s at %,d chunks (stub vectors, through the store port)", backend, size),
                    RaglineBench.fmt("load %.0f chunks/s (+%.0f s settling); disk %.0f MB (%.0f MB per 100k); live heap %d MB; segments %s;"
                                    + " vector search p50/p95 %.1f/%.1f ms; hybrid search p50/p95 %.1f/%.1f ms",
                            (size - (sizes.indexOf(size) == 0 ? 0 : sizes.get(sizes.indexOf(size) - 1))) / loadSeconds, settleSeconds,
                            bytes / 1e6, bytes / 1e6 / (size / 100_000.0), PipelineBench.liveHeap() >> 20, segments,
                            vector.p50(), vector.p95(), hybrid.p50(), hybrid.p95()),
                    "");
        }
    }

    private static long directorySize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

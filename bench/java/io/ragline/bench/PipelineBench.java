package io.ragline.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.SourceDocument;
import io.ragline.embedding.ChunkBatches;
import io.ragline.embedding.Embedder;
import io.ragline.embedding.LocalOnnxEmbedder;
import io.ragline.ingest.DocumentParser;
import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp;

/** Sections {@code kafka}, {@code stub} and {@code large}: queue ingest, the pipeline without the model, and a 200 MB file. */
final class PipelineBench {

    private static final String MODEL = "all-minilm-l6-v2-q";
    private static final int KAFKA_DOCUMENTS = 160;
    private static final int ONE_CHUNK_RECORDS = 3_000;
    /** Warm-up runs at most, each as large as the measured one. */
    private static final int WARMUP_RUNS = 3;
    private static final int STUB_DOCUMENTS = 2_000;
    private static final long LARGE_FILE_BYTES = 200L * 1024 * 1024;

    private final RaglineBench bench;
    private final ObjectMapper json = new ObjectMapper();

    PipelineBench(RaglineBench bench) {
        this.bench = bench;
    }

    /**
     * Kafka records through the whole pipeline, against the raw model on the same chunks in the same run:
     * documents of several chunks, or one short paragraph per record (the case batching is for).
     */
    void kafka(Path work, int consumers, boolean oneChunk) throws Exception {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3, "ragline.documents", "ragline.documents.dlq");
        kafka.afterPropertiesSet();
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work, "--logging.level.root=WARN",
                "--ragline.embedding.local.model=" + MODEL, "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true", "--ragline.ingest.kafka.consumers=" + consumers,
                "--ragline.ingest.kafka.brokers=" + kafka.getBrokersAsString());
             KafkaProducer<String, String> producer = producer(kafka.getBrokersAsString())) {
            List<String> documents = oneChunk ? paragraphs(new SyntheticText(42), ONE_CHUNK_RECORDS)
                    : documents(new SyntheticText(42), KAFKA_DOCUMENTS);
            ModelInputs inputs = modelInputs(app, documents);
            int chunks = inputs.chunkTexts().size();
            VectorStore store = app.getBean(VectorStore.class);
            Embedder embedder = app.getBean(Embedder.class);

            // as many records of the same kind each time: after 16 records, the compiler still took a fifth of the cores
            int warmups = ThreadCpu.warmUp(WARMUP_RUNS, batch -> {
                List<String> records = oneChunk ? paragraphs(new SyntheticText(batch), ONE_CHUNK_RECORDS)
                        : documents(new SyntheticText(batch), KAFKA_DOCUMENTS);
                int warmupChunks = modelInputs(app, records).chunkTexts().size();
                send(producer, "warmup-" + batch, records);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> store.count("warmup-" + batch) >= warmupChunks);
            });
            double rawBefore = inputs.rawChunkRate(embedder, 32);
            ThreadCpu cores = new ThreadCpu().start();
            long start = System.nanoTime();
            send(producer, "kafka-bench", documents);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> store.count("kafka-bench") >= chunks);
            double pipeline = chunks / RaglineBench.seconds(start);
            String coreShares = cores.shares();
            double raw = (rawBefore + inputs.rawChunkRate(embedder, 32)) / 2;
            bench.row("Kafka ingest " + MODEL + ": " + consumers + " consumer(s) on 3 partitions, "
                            + (oneChunk ? "one-chunk records" : "one record per document"),
                    RaglineBench.fmt("%.1f chunks/s = %.0f%% of raw %.1f (%d records, %d chunks)", pipeline, 100 * pipeline / raw, raw,
                            documents.size(), chunks), oneChunk ? ">= 80% of raw" : "");
            bench.row("Kafka ingest " + MODEL + ": " + consumers + " consumer(s), "
                    + (oneChunk ? "one-chunk records" : "one record per document") + ", where the cores go",
                    coreShares + RaglineBench.fmt(", after %d warm-up runs", warmups), "");
        } finally {
            kafka.destroy();
        }
    }

    /** The HTTP ingest pipeline with the model replaced by a stub: how fast everything but the model is. */
    void stub(Path work, int beamWidth) throws Exception {
        List<String> documents = documents(new SyntheticText(42), STUB_DOCUMENTS);
        try (ConfigurableApplicationContext app = RaglineBench.startWith(work.resolve("stub-" + beamWidth), List.of(StubEmbedding.class),
                "--logging.level.root=WARN", "--ragline.store.lucene.hnsw-beam-width=" + beamWidth);
             LocalOnnxEmbedder model = new LocalOnnxEmbedder(MODEL, 0, 1)) {
            ModelInputs inputs = modelInputs(app, documents.subList(0, KAFKA_DOCUMENTS));
            model.embedAll(inputs.texts().subList(0, 64));

            RaglineHttp http = RaglineBench.httpOf(app);
            int warmups = ThreadCpu.warmUp(WARMUP_RUNS, batch -> IngestCost.ingestRate(http, documents, "warmup-" + batch, 1));
            // the raw model just before and just after each timed run, averaged, as the Kafka section does
            // (timed once, minutes away, it moved by up to a third on this machine); merges settled first,
            // so that neither the raw model nor the timed run shares the cores with the previous run's merges
            VectorStore store = app.getBean(VectorStore.class);
            double rawBefore = settledRawRate(store, inputs, model);
            ThreadCpu cores = new ThreadCpu().start();
            double pipeline = IngestCost.ingestRate(http, documents, "stub-bench", 1);
            long stored = store.count("stub-bench");
            String coreShares = cores.shares();
            double rawBetween = settledRawRate(store, inputs, model);
            double raw = (rawBefore + rawBetween) / 2;
            bench.row("Ingest pipeline over HTTP with a stub embedder, HNSW beam width " + beamWidth,
                    RaglineBench.fmt("%.0f chunks/s = %.1fx the raw model's %.1f (%d chunks)", pipeline, pipeline / raw, raw, stored),
                    ">= 10x raw");
            bench.row("Ingest pipeline over HTTP with a stub embedder, HNSW beam width " + beamWidth + ", one client, where the cores go",
                    coreShares + RaglineBench.fmt(", after %d warm-up runs", warmups), "");
            // the same documents again, for another client, by two clients posting at once as several sources
            // would: one request's commit and HNSW insertion overlap the other's reading and chunking
            double twoClients = IngestCost.ingestRate(http, documents, "stub-bench-two", 2);
            double rawTwo = (rawBetween + settledRawRate(store, inputs, model)) / 2;
            bench.row("Ingest pipeline over HTTP with a stub embedder, HNSW beam width " + beamWidth + ", two clients at once",
                    RaglineBench.fmt("%.0f chunks/s = %.1fx the raw model's %.1f (into an index already holding the one-client run)",
                            twoClients, twoClients / rawTwo, rawTwo), ">= 10x raw");
        }
    }

    /** The raw model's rate once the store's merges are done, so that nothing else shares the cores with it. */
    private static double settledRawRate(VectorStore store, ModelInputs inputs, LocalOnnxEmbedder model) {
        RaglineBench.settle(store);
        return inputs.rawChunkRate(model, 32);
    }

    /** A 200 MB text file dropped into the inbox, streamed in sections; the heap left after each GC is tracked. */
    void large(Path work) throws Exception {
        try (ConfigurableApplicationContext app = RaglineBench.startWith(work.resolve("large"), List.of(StubEmbedding.class),
                "--logging.level.root=WARN", "--ragline.ingest.folder.enabled=true")) {
            Path inbox = work.resolve("large").resolve("inbox");
            Path staged = writeLargeText(work.resolve("large.txt"));
            long fileBytes = Files.size(staged);
            long before = liveHeap();
            // the live set: heap in use right after a full collection, sampled every few seconds
            AtomicLong peakLive = new AtomicLong(before);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> peakLive.accumulateAndGet(liveHeap(), Math::max), 3, 3, TimeUnit.SECONDS);
            try {
                Files.createDirectories(inbox.resolve("large"));
                long start = System.nanoTime();
                Files.move(staged, inbox.resolve("large/manual.txt"), StandardCopyOption.ATOMIC_MOVE);
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.exists(inbox.resolve(".done/large/manual.txt")) || Files.exists(inbox.resolve(".failed/large/manual.txt")));
                double seconds = RaglineBench.seconds(start);
                if (Files.exists(inbox.resolve(".failed/large/manual.txt"))) {
                    throw new IllegalStateException("the large file failed: " + Files.readString(inbox.resolve(".failed/large/manual.txt.error.txt")));
                }
                long chunks = app.getBean(VectorStore.class).count("large");
                bench.row("200 MB text file through the folder, stub embedder",
                        RaglineBench.fmt("%.0f s, %d chunks (%.0f chunks/s); live heap at most %d MB (%d MB before)",
                                seconds, chunks, chunks / seconds, peakLive.get() >> 20, before >> 20),
                        RaglineBench.fmt("heap well under the file's %d MB", fileBytes >> 20));
            } finally {
                sampler.shutdownNow();
            }
        }
    }

    /** Heap in use right after a full collection: the live set. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Distinct paragraphs (a numbered prefix each) until the file reaches the size. */
    private static Path writeLargeText(Path file) throws IOException {
        SyntheticText text = new SyntheticText(11);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            paragraphs.add(text.paragraph(4 + i % 5));
        }
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; written < LARGE_FILE_BYTES; n++) {
                String paragraph = "Item " + n + ". " + paragraphs.get(n % paragraphs.size()) + "\n\n";
                out.write(paragraph);
                written += paragraph.length();
            }
        }
        return file;
    }

    private void send(KafkaProducer<String, String> producer, String client, List<String> documents) throws Exception {
        for (int i = 0; i < documents.size(); i++) {
            String id = "d" + i;
            producer.send(new ProducerRecord<>("ragline.documents", client + ":" + id,
                    json.writeValueAsString(Map.of("id", id, "client_id", client, "text", documents.get(i)))));
        }
        producer.flush();
    }

    private static List<String> paragraphs(SyntheticText text, int count) {
        List<String> paragraphs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paragraphs.add(text.paragraph(4));
        }
        return paragraphs;
    }

    private static List<String> documents(SyntheticText text, int count) {
        List<String> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(text.document(5 + i % 4));
        }
        return documents;
    }

    /** The model's inputs for these texts, sent without a title as the benchmarks send them. */
    private static ModelInputs modelInputs(ConfigurableApplicationContext app, List<String> documents) {
        DocumentParser parser = app.getBean(DocumentParser.class);
        TokenAwareChunker chunker = app.getBean(TokenAwareChunker.class);
        List<ChunkedDocument> chunked = new ArrayList<>();
        for (String document : documents) {
            chunked.add(chunker.chunk(parser.parse(SourceDocument.ofText("raw", null, null, null, document, Map.of()))));
        }
        return ModelInputs.of(app.getBean(ChunkBatches.class), chunked);
    }

    private static KafkaProducer<String, String> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}

package io.ragline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.chunking.WordPieces;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.document.SourceDocument;
import io.ragline.embedding.ChunkBatches;
import io.ragline.embedding.Embedder;
import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.ingest.DocumentParser;
import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.RaglineHttp;

/**
 * Ingest throughput on real prose (the pydoc pages of the known-item sets) against the raw model on the
 * same chunks, and where the time goes: the same documents taken through each stage by hand, in the
 * same batches as the HTTP requests.
 */
final class IngestCost {

    private static final int DOCS_PER_REQUEST = 40;
    private static final int MODEL_BATCH = 32;
    private static final int ROUNDS = 3;

    private final RaglineBench bench;

    IngestCost(RaglineBench bench) {
        this.bench = bench;
    }

    void measure(Path work, ConfigurableApplicationContext app, String model) throws Exception {
        DocumentParser parser = app.getBean(DocumentParser.class);
        TokenAwareChunker chunker = app.getBean(TokenAwareChunker.class);
        Embedder embedder = app.getBean(Embedder.class);
        VectorStore store = app.getBean(VectorStore.class);
        List<Map<String, String>> documents = KnownItemSets.documents(KnownItemSets.pages(work, "pydoc"));
        ChunkBatches chunkBatches = app.getBean(ChunkBatches.class);
        // the texts the pipeline gives the model (with their titles when the model sees them), so the raw
        // model does the same work
        List<ChunkedDocument> chunked = documents.stream().map(document -> chunker.chunk(parse(parser, "raw", document))).toList();
        ModelInputs inputs = ModelInputs.of(chunkBatches, chunked);
        WordPieces wordPieces = app.getBean(WordPieces.class);
        double meanTokens = inputs.chunkTexts().stream().mapToInt(wordPieces::count).average().orElse(0);

        // warm-up of both paths, so neither pays for class loading and JIT compilation
        RaglineHttp http = RaglineBench.httpOf(app);
        embedder.embedAll(inputs.texts().subList(0, 64));
        int warmups = ThreadCpu.warmUp(6, batch -> {
            for (int from = 0; from < 2 * DOCS_PER_REQUEST; from += DOCS_PER_REQUEST) {
                RaglineBench.postDocuments(http, "warmup-" + batch, documents.subList(from, from + DOCS_PER_REQUEST));
            }
        });

        // this machine's speed drifts by 10-20% within a minute: raw and pipeline alternate, the median ratio counts.
        // One client waits for each answer, so the model idles while its request is chunked, written and
        // committed; two clients posting at once, as several sources would, keep it busy meanwhile.
        double[] raws = new double[ROUNDS];
        double[][] pipelines = new double[2][ROUNDS];
        double[][] ratios = new double[2][ROUNDS];
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        double oneClientSeconds = 0;
        double rawSeconds = 0;
        double requestSeconds = 0;
        double batchSeconds = 0;
        String oneClientCores = "";
        for (int round = 0; round < ROUNDS; round++) {
            double rawBefore = inputs.rawChunkRate(embedder, MODEL_BATCH);
            double requestBefore = routeSeconds(meters, "documents-api");
            double batchesBefore = routeSeconds(meters, "embed-batch-attempt");
            ThreadCpu cores = new ThreadCpu().start();
            pipelines[0][round] = ingestRate(http, documents, "bench-" + round, 1);
            oneClientCores = cores.shares();
            requestSeconds += routeSeconds(meters, "documents-api") - requestBefore;
            batchSeconds += routeSeconds(meters, "embed-batch-attempt") - batchesBefore;
            pipelines[1][round] = ingestRate(http, documents, "bench-two-" + round, 2);
            raws[round] = (rawBefore + inputs.rawChunkRate(embedder, MODEL_BATCH)) / 2;
            oneClientSeconds += inputs.chunkTexts().size() / pipelines[0][round];
            rawSeconds += inputs.chunkTexts().size() / raws[round];
            for (int clients = 0; clients < 2; clients++) {
                ratios[clients][round] = pipelines[clients][round] / raws[round];
            }
        }
        bench.row("Ingest " + model + ": raw model on real prose",
                RaglineBench.fmt("%.1f chunks/s, median of %d (%d chunks of %d pydoc pages, %.0f word-pieces each, and %d titles)",
                        Stats.of(raws).p50(), ROUNDS, inputs.chunkTexts().size(), documents.size(), meanTokens, inputs.titles()), "");
        for (int clients = 0; clients < 2; clients++) {
            bench.row("Ingest " + model + ": full pipeline over HTTP, " + DOCS_PER_REQUEST + " pages per request, "
                            + (clients == 0 ? "one client" : "two clients at once"),
                    RaglineBench.fmt("%.1f chunks/s; median %.0f%% of raw (rounds %.0f%% to %.0f%%)", Stats.of(pipelines[clients]).p50(),
                            100 * Stats.of(ratios[clients]).p50(), 100 * Arrays.stream(ratios[clients]).min().orElse(0),
                            100 * Arrays.stream(ratios[clients]).max().orElse(0)),
                    ">= 90% of raw");
        }
        oneClientTime(model, oneClientSeconds, rawSeconds, requestSeconds, batchSeconds);
        bench.row("Ingest " + model + ": one client, where the cores go (the last round)",
                oneClientCores + RaglineBench.fmt(", after %d warm-up batches of 80 pages", warmups), "");
        embeddingRoute(app, chunked, inputs, embedder, model);
        stockSession(inputs, embedder, model);
        stages(parser, chunker, chunkBatches, store, documents, model);
    }

    /**
     * Where one client's time goes, from Camel's own route timers: the model's batches inside the pipeline
     * against the same work on the raw model, the request route around them, and HTTP with the client.
     */
    private void oneClientTime(String model, double wall, double raw, double request, double batches) {
        bench.row("Ingest " + model + ": one client, where the time goes (" + ROUNDS + " rounds)",
                RaglineBench.fmt("of %.1f s: the model's batches %.1f s (%.2fx the raw model's %.1f s on the same inputs: merges and"
                                + " the request's other threads share the cores with it); the request route outside them %.1f s"
                                + " (reading, chunking, writing, committing); HTTP and the client %.1f s",
                        wall, batches, batches / raw, raw, request - batches, wall - request),
                "every millisecond named");
    }

    /** A route's total time so far, from the route policy's timers (camel-micrometer). */
    private static double routeSeconds(MeterRegistry meters, String routeId) {
        return meters.find("camel.route.policy").tag("routeId", routeId).timers().stream()
                .mapToDouble(timer -> timer.totalTime(TimeUnit.SECONDS)).sum();
    }

    /**
     * The requests' documents, chunked beforehand, straight into the embedding route (batches, breaker,
     * model): whether the model runs inside the pipeline as fast as alone, so that what one HTTP client
     * loses is the work around it.
     */
    private void embeddingRoute(ConfigurableApplicationContext app, List<ChunkedDocument> chunked, ModelInputs inputs,
                                Embedder embedder, String model) throws IOException {
        double[] rates = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        try (ProducerTemplate producer = app.getBean(CamelContext.class).createProducerTemplate()) {
            for (int round = 0; round < ROUNDS; round++) {
                double raw = inputs.rawChunkRate(embedder, MODEL_BATCH);
                long start = System.nanoTime();
                for (int from = 0; from < chunked.size(); from += DOCS_PER_REQUEST) {
                    producer.requestBody(EmbeddingRoutes.EMBED_DOCUMENTS,
                            new ArrayList<>(chunked.subList(from, Math.min(from + DOCS_PER_REQUEST, chunked.size()))));
                }
                rates[round] = inputs.chunkTexts().size() / RaglineBench.seconds(start);
                ratios[round] = rates[round] / raw;
            }
        }
        bench.row("Ingest " + model + ": the embedding route alone (each request's documents, chunked beforehand, to "
                        + EmbeddingRoutes.EMBED_DOCUMENTS + ")",
                RaglineBench.fmt("%.1f chunks/s; median %.0f%% of raw (rounds %.0f%% to %.0f%%)", Stats.of(rates).p50(),
                        100 * Stats.of(ratios).p50(), 100 * Arrays.stream(ratios).min().orElse(0), 100 * Arrays.stream(ratios).max().orElse(0)),
                "");
    }

    /** The raw model on Ragline's ONNX Runtime session against LangChain4j's own, alternating, median ratio. */
    private void stockSession(ModelInputs inputs, Embedder embedder, String model) {
        try (LangChain4jEmbedder stock = LangChain4jEmbedder.stock(model)) {
            stock.embedAll(inputs.texts().subList(0, 64));
            double[] stockRates = new double[ROUNDS];
            double[] gains = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                stockRates[round] = inputs.rawChunkRate(stock, MODEL_BATCH);
                gains[round] = inputs.rawChunkRate(embedder, MODEL_BATCH) / stockRates[round];
            }
            bench.row("Ingest " + model + ": raw model on LangChain4j's own ONNX Runtime session (the runtime's defaults)",
                    RaglineBench.fmt("%.1f chunks/s, median of %d; Ragline's session (one thread per text, no spinning) embeds %.2fx as fast",
                            Stats.of(stockRates).p50(), ROUNDS, Stats.of(gains).p50()), "");
        }
    }

    /** Chunks per second of the documents posted in requests of {@link #DOCS_PER_REQUEST}, by this many clients at once. */
    static double ingestRate(RaglineHttp http, List<?> documents, String client, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger chunks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> posting = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                posting.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(DOCS_PER_REQUEST); from < documents.size(); from = next.getAndAdd(DOCS_PER_REQUEST)) {
                        chunks.addAndGet(RaglineBench.postDocuments(http, client,
                                documents.subList(from, Math.min(from + DOCS_PER_REQUEST, documents.size()))));
                    }
                }));
            }
            for (Future<?> poster : posting) {
                poster.get();
            }
            return chunks.get() / RaglineBench.seconds(start);
        } finally {
            pool.shutdown();
        }
    }

    /** The pipeline's stages one after another, by hand, into a client of their own. */
    private void stages(DocumentParser parser, TokenAwareChunker chunker, ChunkBatches chunkBatches, VectorStore store,
                        List<Map<String, String>> documents, String model) {
        long parse = 0;
        long chunk = 0;
        long embed = 0;
        long index = 0;
        long commit = 0;
        for (int from = 0; from < documents.size(); from += DOCS_PER_REQUEST) {
            long t0 = System.nanoTime();
            List<ParsedDocument> parsed = documents.subList(from, Math.min(from + DOCS_PER_REQUEST, documents.size())).stream()
                    .map(document -> parse(parser, "stages", document)).toList();
            long t1 = System.nanoTime();
            List<ChunkedDocument> chunked = parsed.stream().map(chunker::chunk).toList();
            long t2 = System.nanoTime();
            List<List<EmbeddedChunk>> batches = new ArrayList<>();
            for (List<ChunkBatches.ChunkToEmbed> batch : chunkBatches.split(chunked)) {
                batches.add(chunkBatches.embed(batch));
            }
            List<EmbeddedDocument> embedded = chunkBatches.assemble(chunked, batches);
            long t3 = System.nanoTime();
            store.upsertDocuments(embedded);
            long t4 = System.nanoTime();
            store.commit();
            long t5 = System.nanoTime();
            parse += t1 - t0;
            chunk += t2 - t1;
            embed += t3 - t2;
            index += t4 - t3;
            commit += t5 - t4;
        }
        long t6 = System.nanoTime();
        if (store instanceof LuceneVectorStore lucene) {
            lucene.awaitMerges();
        }
        long merges = System.nanoTime() - t6;
        double total = parse + chunk + embed + index + commit + merges;
        bench.row("Ingest " + model + ": time per stage, by hand",
                RaglineBench.fmt("parse + normalise %.1f%%, chunk %.1f%%, embed %.1f%%, index (HNSW insertion) %.1f%%, commit %.1f%%,"
                                + " merges left at the end %.1f%% of %.1f s",
                        100 * parse / total, 100 * chunk / total, 100 * embed / total, 100 * index / total, 100 * commit / total,
                        100 * merges / total, total / 1e9),
                "");
    }

    static ParsedDocument parse(DocumentParser parser, String client, Map<String, String> document) {
        return parser.parse(SourceDocument.ofText(client, document.get("id"), document.get("title"), null, document.get("text"), Map.of()));
    }
}

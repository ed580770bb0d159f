package io.ragline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.embedding.Embedder;
import io.ragline.store.SearchHit;
import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.store.pgvector.PgVectorStore;
import io.ragline.support.RaglineHttp;
import io.ragline.support.TestServices;

/**
 * Ragline's benchmarks: ingest throughput against the raw model, query latency over HTTP at 10k and
 * 100k chunks, and HNSW recall against exact search. Prints one table. Run with {@code bench/run}.
 */
public final class RaglineBench {

    private static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";
    private static final int INGEST_DOCUMENTS = 160;
    private static final int DOCS_PER_REQUEST = 40;
    private static final int CHUNKS_PER_STORED_DOCUMENT = 100;
    private static final int WARMUP_QUERIES = 30;
    private static final int MEASURED_QUERIES = 300;
    private static final int RECALL_QUERIES = 200;
    /** Distinct words of the query-benchmark corpus, Zipf-distributed. */
    private static final int QUERY_VOCABULARY = 20_000;

    private static final List<String> SETTINGS = new ArrayList<>();

    private final Map<String, String[]> table = new LinkedHashMap<>();

    /**
     * Arguments name the sections to run: {@code ingest}, {@code query}, {@code outage}, {@code kafka},
     * {@code stub}, {@code large}, {@code pgvector}, {@code redis}, {@code deploy}, {@code load}, {@code quality}, {@code capacity}; none runs all.
     */
    public static void main(String[] args) throws Exception {
        // arguments starting with -- are settings for every application the benchmarks start
        List<String> named = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        Arrays.stream(args).filter(arg -> arg.startsWith("--")).forEach(SETTINGS::add);
        Set<String> sections = named.isEmpty() ? Set.of("ingest", "query", "outage", "kafka", "stub", "large", "pgvector", "redis", "deploy", "load", "quality", "capacity") : Set.copyOf(named);
        new RaglineBench().run(sections);
        System.exit(0);
    }

    private void run(Set<String> sections) throws Exception {
        Path work = Files.createTempDirectory("ragline-bench-");
        // Lucene uses the SIMD vector API from Java 20 on, when the module is there (bench/run adds it)
        boolean vectorApi = Runtime.version().feature() >= 20 && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        row("Java runtime", fmt("%s; Java's vector API for Lucene: %s", Runtime.version(), vectorApi ? "on" : "off"), "");
        if (sections.contains("ingest")) {
            for (String model : List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q")) {
                try (ConfigurableApplicationContext app = start(work.resolve(model), model)) {
                    new IngestCost(this).measure(work, app, model);
                }
            }
        }
        if (sections.contains("models")) {
            new ModelCost(this).measure(work);
        }
        PipelineBench pipeline = new PipelineBench(this);
        if (sections.contains("kafka")) {
            pipeline.kafka(work.resolve("kafka-1"), 1, false);
            pipeline.kafka(work.resolve("kafka-3"), 3, false);
            pipeline.kafka(work.resolve("kafka-one-chunk-1"), 1, true);
            pipeline.kafka(work.resolve("kafka-one-chunk-3"), 3, true);
        }
        if (sections.contains("stub")) {
            pipeline.stub(work, 100);
            pipeline.stub(work, 50);
        }
        if (sections.contains("large")) {
            pipeline.large(work);
        }
        if (sections.contains("quality")) {
            new QualityBench(this).quality(work);
        }
        if (sections.contains("capacity")) {
            new CapacityBench(this).capacity(work);
        }
        if (sections.contains("load")) {
            new LoadBench(this).load(work);
        }
        if (sections.contains("deploy")) {
            new DeployBench(this).deploy(work);
        }
        if (sections.contains("query")) {
            try (ConfigurableApplicationContext app = start(work.resolve("query"), DEFAULT_MODEL)) {
                queries(app, "");
                cacheHits(app, "Caffeine");
            }
        }
        if (sections.contains("pgvector")) {
            // the same corpus and questions as the Lucene rows, on PostgreSQL + pgvector
            try (ConfigurableApplicationContext app = startApp(work.resolve("pgvector"), "--logging.level.root=WARN",
                    "--ragline.store.backend=pgvector", "--spring.datasource.url=" + TestServices.newPostgresDatabase("bench"),
                    "--spring.datasource.username=" + TestServices.postgresUser())) {
                queries(app, "pgvector: ");
            }
        }
        if (sections.contains("redis")) {
            try (ConfigurableApplicationContext app = startApp(work.resolve("redis"), "--logging.level.root=WARN",
                    "--ragline.cache.backend=redis", "--spring.data.redis.host=" + TestServices.redisHost(),
                    "--spring.data.redis.port=" + TestServices.redisPort())) {
                cacheHits(app, "Redis");
            }
        }
        if (sections.contains("outage")) {
            try (ConfigurableApplicationContext app = startWithDeadEmbeddingProvider(work.resolve("outage"))) {
                outage(app);
            }
        }
        print();
    }

    /**
     * Queries while the embedding provider is down (nothing listens on its port) and its breaker is open:
     * every answer must still be a 200, from the keyword fallback.
     */
    private void outage(ConfigurableApplicationContext app) {
        VectorStore store = app.getBean(VectorStore.class);
        ClusteredVectors vectors = new ClusteredVectors(app.getBean(Embedder.class).dimension(), 256, 11);
        load(store, vectors, new SyntheticText(11, QUERY_VOCABULARY), new float[10_000][], 0, 10_000);
        settle(store);
        RaglineHttp http = httpOf(app);
        SyntheticText questions = new SyntheticText(12, QUERY_VOCABULARY);
        double[] millis = new double[MEASURED_QUERIES];
        int failures = 0;
        Map<String, Integer> sources = new java.util.TreeMap<>();
        for (int i = 0; i < WARMUP_QUERIES + MEASURED_QUERIES; i++) {
            String question = questions.sentence() + " " + i;
            long start = System.nanoTime();
            RaglineHttp.Reply reply = http.post("/api/query", Map.of("query", question, "client_id", "bench", "top_k", 5));
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (i >= WARMUP_QUERIES) {
                millis[i - WARMUP_QUERIES] = elapsed;
                if (reply.status() != 200) {
                    failures++;
                } else {
                    sources.merge(reply.json().get("source").asText(), 1, Integer::sum);
                }
            }
        }
        Stats stats = Stats.of(millis);
        row("Query during an embedding outage, breaker open, 10k chunks (p50 / p95 / p99)",
                fmt("%.1f / %.1f / %.1f ms; %d of %d non-200; answered by %s", stats.p50(), stats.p95(), stats.p99(),
                        failures, stats.count(), sources),
                "p95 <= 50 ms, zero non-200");
    }

    private static ConfigurableApplicationContext startWithDeadEmbeddingProvider(Path work) throws java.io.IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return startApp(work,
                "--logging.level.root=ERROR",
                "--ragline.embedding.provider=openai",
                "--ragline.embedding.openai.base-url=http://127.0.0.1:" + closedPort + "/v1",
                "--ragline.embedding.openai.model=unreachable",
                "--ragline.embedding.openai.dimension=384");
    }

    static double rawRate(Embedder embedder, List<String> texts, int batchSize) {
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batchSize) {
            embedder.embedAll(texts.subList(from, Math.min(from + batchSize, texts.size())));
        }
        return texts.size() / seconds(start);
    }

    private void queries(ConfigurableApplicationContext app, String label) {
        VectorStore store = app.getBean(VectorStore.class);
        int dimension = app.getBean(Embedder.class).dimension();
        ClusteredVectors vectors = new ClusteredVectors(dimension, 256, 7);
        float[][] stored = new float[100_000][];
        SyntheticText text = new SyntheticText(7, QUERY_VOCABULARY);

        QueryLatency latency = new QueryLatency(this);
        load(store, vectors, text, stored, 0, 1_000);
        settle(store);
        latency.measure(app, "bench", "1k", label);
        load(store, vectors, text, stored, 1_000, 10_000);
        settle(store);
        latency.measure(app, "bench", "10k", label);
        long loadStart = System.nanoTime();
        load(store, vectors, text, stored, 10_000, 100_000);
        row(label + "Load 90k chunks through the store port", fmt("%.0f chunks/s", 90_000 / seconds(loadStart)), "");
        settle(store);
        latency.measure(app, "bench", "100k", label);
        recall(store, vectors, stored, label);
    }

    /** One question asked again and again: every answer after the first is a fresh hit from Redis. */
    private void cacheHits(ConfigurableApplicationContext app, String backend) {
        RaglineHttp http = httpOf(app);
        http.post("/api/documents", Map.of("client_id", "bench-cache", "documents", List.of(
                Map.of("id", "tides", "text", "Tides are caused by the gravity of the moon and the sun."))));
        double[] millis = new double[MEASURED_QUERIES];
        for (int i = 0; i < WARMUP_QUERIES + MEASURED_QUERIES; i++) {
            long start = System.nanoTime();
            RaglineHttp.Reply reply = http.post("/api/query", Map.of("query", "What causes the tides?", "client_id", "bench-cache"));
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (i > 0 && !reply.json().get("cached").asBoolean()) {
                throw new IllegalStateException("expected a cache hit: " + reply.json());
            }
            if (i >= WARMUP_QUERIES) {
                millis[i - WARMUP_QUERIES] = elapsed;
            }
        }
        Stats stats = Stats.of(millis);
        row("Cache hit over HTTP, " + backend + " (p50 / p95 / p99)",
                fmt("%.2f / %.2f / %.2f ms (%d queries)", stats.p50(), stats.p95(), stats.p99(), stats.count()),
                backend.equals("Redis") ? "p95 <= 5 ms" : "");
    }

    /** Latency is measured on a settled index: merges done (Lucene), statistics fresh (PostgreSQL). */
    static void settle(VectorStore store) {
        if (store instanceof LuceneVectorStore lucene) {
            lucene.awaitMerges();
        }
        if (store instanceof PgVectorStore postgres) {
            postgres.analyze();
        }
    }

    private static void load(VectorStore store, ClusteredVectors vectors, SyntheticText text, float[][] stored, int from, int to) {
        for (int doc = from / CHUNKS_PER_STORED_DOCUMENT; doc < to / CHUNKS_PER_STORED_DOCUMENT; doc++) {
            List<EmbeddedChunk> chunks = new ArrayList<>(CHUNKS_PER_STORED_DOCUMENT);
            for (int c = 0; c < CHUNKS_PER_STORED_DOCUMENT; c++) {
                float[] vector = vectors.next();
                stored[doc * CHUNKS_PER_STORED_DOCUMENT + c] = vector;
                chunks.add(new EmbeddedChunk(c, text.paragraph(3), vector));
            }
            // a title vector too, as ingest stores by default: hybrid search reads the candidates' ones
            store.upsertDocument(new EmbeddedDocument(
                    new ParsedDocument("bench", "d" + doc, "Document " + doc, null, "", "h" + doc, Map.of()), chunks, vectors.next()));
            store.commit();
        }
    }

    private void recall(VectorStore store, ClusteredVectors vectors, float[][] stored, String label) {
        double total = 0;
        for (int q = 0; q < RECALL_QUERIES; q++) {
            float[] query = vectors.next();
            Set<String> exact = ClusteredVectors.exactTopK(stored, query, 10).stream()
                    .map(i -> "d" + (i / CHUNKS_PER_STORED_DOCUMENT) + "#" + (i % CHUNKS_PER_STORED_DOCUMENT))
                    .collect(Collectors.toSet());
            List<SearchHit> found = store.vectorSearch("bench", query, 10);
            total += found.stream().filter(hit -> exact.contains(hit.chunkKey())).count() / 10.0;
        }
        row(label + "HNSW recall@10 at 100k against exact search", fmt("%.3f (%d queries)", total / RECALL_QUERIES, RECALL_QUERIES), ">= 0.95");
    }

    private static ConfigurableApplicationContext start(Path work, String model) {
        return startApp(work, "--logging.level.root=WARN", "--ragline.embedding.local.model=" + model);
    }

    /** An application of its own in {@code work}, without the folder consumer. */
    static ConfigurableApplicationContext startApp(Path work, String... settings) {
        return startWith(work, List.of(), settings);
    }

    /** The same, with extra Spring sources (beans that replace the application's own). */
    static ConfigurableApplicationContext startWith(Path work, List<Class<?>> sources, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.ingest=WARN",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency")));
        arguments.addAll(List.of(settings));
        arguments.addAll(SETTINGS);
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--ragline.ingest.folder.enabled="))) {
            arguments.add("--ragline.ingest.folder.enabled=false");
        }
        List<Class<?>> all = new ArrayList<>(List.of(RaglineApplication.class));
        all.addAll(sources);
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(arguments.toArray(String[]::new));
    }

    /** Ingests documents for one client over HTTP; anything but a 200 ends the benchmark. @return chunks stored */
    static int postDocuments(RaglineHttp http, String client, List<?> documents) {
        RaglineHttp.Reply reply = http.post("/api/documents", Map.of("client_id", client, "documents", documents));
        if (reply.status() != 200) {
            throw new IllegalStateException("ingest failed: " + reply.json());
        }
        return reply.json().get("chunk_count").asInt();
    }

    static RaglineHttp httpOf(ConfigurableApplicationContext app) {
        return new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    void row(String name, String figure, String target) {
        table.put(name, new String[] {figure, target});
        System.out.println("  " + name + ": " + figure);
    }

    private void print() {
        System.out.println();
        System.out.println("| Benchmark | Result | Target |");
        System.out.println("|---|---|---|");
        table.forEach((name, cells) -> System.out.println("| " + name + " | " + cells[0] + " | " + cells[1] + " |"));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Unit vectors around random centres: embeddings cluster by topic, unlike uniform noise. */
    static final class ClusteredVectors {
        private final float[][] centres;
        private final Random random;
        private final int dimension;

        ClusteredVectors(int dimension, int clusters, long seed) {
            this.dimension = dimension;
            this.random = new Random(seed);
            this.centres = new float[clusters][];
            for (int c = 0; c < clusters; c++) {
                centres[c] = gaussian(1.0);
            }
        }

        float[] next() {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] noise = gaussian(0.75);
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = centre[i] + noise[i];
            }
            return normalise(v);
        }

        private float[] gaussian(double scale) {
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = (float) (random.nextGaussian() * scale);
            }
            return normalise(v);
        }

        private static float[] normalise(float[] v) {
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
            return v;
        }

        static List<Integer> exactTopK(float[][] stored, float[] query, int k) {
            int[] best = new int[k];
            double[] scores = new double[k];
            java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < stored.length; i++) {
                double dot = 0;
                float[] s = stored[i];
                for (int d = 0; d < s.length; d++) {
                    dot += s[d] * query[d];
                }
                if (dot > scores[k - 1]) {
                    int pos = k - 1;
                    while (pos > 0 && scores[pos - 1] < dot) {
                        scores[pos] = scores[pos - 1];
                        best[pos] = best[pos - 1];
                        pos--;
                    }
                    scores[pos] = dot;
                    best[pos] = i;
                }
            }
            List<Integer> result = new ArrayList<>(k);
            for (int i : best) {
                result.add(i);
            }
            return result;
        }
    }
}

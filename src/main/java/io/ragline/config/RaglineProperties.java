package io.ragline.config;

import java.nio.file.Path;
import java.time.Duration;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The whole {@code ragline.*} configuration tree; application.yml documents every key. */
@Validated
@ConfigurationProperties(prefix = "ragline")
public class RaglineProperties {

    @Valid private final Ingest ingest = new Ingest();
    @Valid private final Chunking chunking = new Chunking();
    @Valid private final Embedding embedding = new Embedding();
    @Valid private final Store store = new Store();
    @Valid private final Query query = new Query();
    @Valid private final Cache cache = new Cache();
    @Valid private final Llm llm = new Llm();
    @Valid private final Resilience resilience = new Resilience();
    @Valid private final Fallback fallback = new Fallback();
    @Valid private final Examples examples = new Examples();

    public Ingest getIngest() { return ingest; }
    public Chunking getChunking() { return chunking; }
    public Embedding getEmbedding() { return embedding; }
    public Store getStore() { return store; }
    public Query getQuery() { return query; }
    public Cache getCache() { return cache; }
    public Llm getLlm() { return llm; }
    public Resilience getResilience() { return resilience; }
    public Fallback getFallback() { return fallback; }
    public Examples getExamples() { return examples; }

    public static class Ingest {
        @NotNull private Path inbox = Path.of("data/inbox");
        @Min(1) private long maxFileBytes = 50L * 1024 * 1024;
        @Min(1) @Max(10_000) private int maxDocumentsPerRequest = 500;
        @Min(1) @Max(64) private int concurrency = 4;
        @Valid private final Folder folder = new Folder();
        @Valid private final Idempotency idempotency = new Idempotency();
        @Valid private final Jms jms = new Jms();
        @Valid private final Kafka kafka = new Kafka();

        public Folder getFolder() { return folder; }
        public Idempotency getIdempotency() { return idempotency; }
        public Jms getJms() { return jms; }
        public Kafka getKafka() { return kafka; }

        public Path getInbox() { return inbox; }
        public void setInbox(Path inbox) { this.inbox = inbox; }
        public long getMaxFileBytes() { return maxFileBytes; }
        public void setMaxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; }
        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public int getMaxDocumentsPerRequest() { return maxDocumentsPerRequest; }
        public void setMaxDocumentsPerRequest(int n) { this.maxDocumentsPerRequest = n; }
    }

    public enum FolderMode {
        /** Files are ingested once and move to .done/ or .failed/. */
        CONSUME,
        /** The folder is the source of truth: files stay, changes and deletions are followed. */
        MIRROR
    }

    public static class Folder {
        private boolean enabled = true;
        @NotNull private FolderMode mode = FolderMode.CONSUME;
        @NotNull private Duration pollDelay = Duration.ofMillis(500);
        @NotNull private Duration readLockCheckInterval = Duration.ofSeconds(1);
        @NotNull private Duration readLockMinAge = Duration.ofSeconds(2);
        @NotNull private Duration sweepInterval = Duration.ofSeconds(10);
        @Min(1) private long streamThresholdBytes = 8L * 1024 * 1024;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public FolderMode getMode() { return mode; }
        public void setMode(FolderMode mode) { this.mode = mode; }
        public Duration getPollDelay() { return pollDelay; }
        public void setPollDelay(Duration pollDelay) { this.pollDelay = pollDelay; }
        public Duration getReadLockCheckInterval() { return readLockCheckInterval; }
        public void setReadLockCheckInterval(Duration d) { this.readLockCheckInterval = d; }
        public Duration getReadLockMinAge() { return readLockMinAge; }
        public void setReadLockMinAge(Duration readLockMinAge) { this.readLockMinAge = readLockMinAge; }
        public Duration getSweepInterval() { return sweepInterval; }
        public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
        public long getStreamThresholdBytes() { return streamThresholdBytes; }
        public void setStreamThresholdBytes(long n) { this.streamThresholdBytes = n; }
    }

    public static class Idempotency {
        @NotNull private Path path = Path.of("data/idempotency");
        @NotNull private Duration claimTimeout = Duration.ofMinutes(10);

        public Path getPath() { return path; }
        public void setPath(Path path) { this.path = path; }
        public Duration getClaimTimeout() { return claimTimeout; }
        public void setClaimTimeout(Duration claimTimeout) { this.claimTimeout = claimTimeout; }
    }

    /** The Kafka topic consumer: offsets are committed by hand, once a record's chunks are durable. */
    public static class Kafka {
        private boolean enabled;
        @NotNull private String brokers = "localhost:9092";
        @NotNull private String topic = "ragline.documents";
        @NotNull private String groupId = "ragline";
        @Min(1) @Max(64) private int consumers = 1;
        @NotNull private String dlqTopic = "ragline.documents.dlq";
        /** Attempts at a record that keeps failing before it is dead-lettered, so it no longer blocks its partition. */
        @Min(1) private int maxAttempts = 5;
        /** First wait before another attempt; it doubles each time, at most 30 s. */
        @NotNull private Duration redeliveryDelay = Duration.ofSeconds(1);

        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getRedeliveryDelay() { return redeliveryDelay; }
        public void setRedeliveryDelay(Duration redeliveryDelay) { this.redeliveryDelay = redeliveryDelay; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getBrokers() { return brokers; }
        public void setBrokers(String brokers) { this.brokers = brokers; }
        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public String getGroupId() { return groupId; }
        public void setGroupId(String groupId) { this.groupId = groupId; }
        public int getConsumers() { return consumers; }
        public void setConsumers(int consumers) { this.consumers = consumers; }
        public String getDlqTopic() { return dlqTopic; }
        public void setDlqTopic(String dlqTopic) { this.dlqTopic = dlqTopic; }
    }

    /** The JMS queue consumer; the broker itself is configured with Spring Boot's spring.artemis.*. */
    public static class Jms {
        private boolean enabled = true;
        @NotNull private String queue = "ragline.documents";
        @NotNull private String dlqQueue = "ragline.documents.dlq";
        @Min(1) @Max(64) private int consumers = 1;
        /** Deliveries before the broker moves a message that keeps failing to the dead-letter queue. */
        @Min(1) private int maxDeliveryAttempts = 10;
        @NotNull private Duration redeliveryDelay = Duration.ofSeconds(1);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getQueue() { return queue; }
        public void setQueue(String queue) { this.queue = queue; }
        public String getDlqQueue() { return dlqQueue; }
        public void setDlqQueue(String dlqQueue) { this.dlqQueue = dlqQueue; }
        public int getConsumers() { return consumers; }
        public void setConsumers(int consumers) { this.consumers = consumers; }
        public int getMaxDeliveryAttempts() { return maxDeliveryAttempts; }
        public void setMaxDeliveryAttempts(int n) { this.maxDeliveryAttempts = n; }
        public Duration getRedeliveryDelay() { return redeliveryDelay; }
        public void setRedeliveryDelay(Duration redeliveryDelay) { this.redeliveryDelay = redeliveryDelay; }
    }

    public static class Chunking {
        @Min(16) @Max(8192) private int maxTokens = 256;
        @DecimalMin("0.0") @DecimalMax("0.5") private double overlapRatio = 0.15;

        public int getMaxTokens() { return maxTokens; }
        public void setMaxTokens(int maxTokens) { this.maxTokens = maxTokens; }
        public double getOverlapRatio() { return overlapRatio; }
        public void setOverlapRatio(double overlapRatio) { this.overlapRatio = overlapRatio; }
    }

    public static class Embedding {
        @NotNull private String provider = "local";
        @Min(1) @Max(2048) private int batchSize = 32;
        @Valid private final Local local = new Local();
        @Valid private final OpenAi openai = new OpenAi("text-embedding-3-small");

        public OpenAi getOpenai() { return openai; }
        public String getProvider() { return provider; }
        public void setProvider(String provider) { this.provider = provider; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Local getLocal() { return local; }

        public static class Local {
            @NotNull private String model = "all-minilm-l6-v2-q";
            @Min(0) private int threads = 0;

            public String getModel() { return model; }
            public void setModel(String model) { this.model = model; }
            public int getThreads() { return threads; }
            public void setThreads(int threads) { this.threads = threads; }
        }
    }

    public static class Store {
        @NotNull private String backend = "lucene";
        @Valid private final Lucene lucene = new Lucene();

        public String getBackend() { return backend; }
        public void setBackend(String backend) { this.backend = backend; }
        public Lucene getLucene() { return lucene; }

        public static class Lucene {
            @NotNull private Path path = Path.of("data/index");
            @Min(1) @Max(10_000) private int numCandidates = 100;
            @Min(1) private int ramBufferMb = 64;
            @Min(2) @Max(512) private int hnswMaxConn = 16;
            @Min(1) @Max(3200) private int hnswBeamWidth = 100;

            public int getHnswMaxConn() { return hnswMaxConn; }
            public void setHnswMaxConn(int hnswMaxConn) { this.hnswMaxConn = hnswMaxConn; }
            public int getHnswBeamWidth() { return hnswBeamWidth; }
            public void setHnswBeamWidth(int hnswBeamWidth) { this.hnswBeamWidth = hnswBeamWidth; }
            public Path getPath() { return path; }
            public void setPath(Path path) { this.path = path; }
            public int getNumCandidates() { return numCandidates; }
            public void setNumCandidates(int numCandidates) { this.numCandidates = numCandidates; }
            public int getRamBufferMb() { return ramBufferMb; }
            public void setRamBufferMb(int ramBufferMb) { this.ramBufferMb = ramBufferMb; }
        }
    }

    public static class Query {
        @Min(1) @Max(50) private int defaultTopK = 5;
        @Min(1) @Max(50) private int maxTopK = 50;
        @Min(1) private int maxQueryLength = 2000;
        @DecimalMin("-1.0") @DecimalMax("1.0") private double minSimilarity = 0.3;
        @Min(1) private int rrfK = 60;
        @Min(1) @Max(500) private int candidates = 50;
        @Min(1) @Max(20) private int answerSentences = 3;

        public int getDefaultTopK() { return defaultTopK; }
        public void setDefaultTopK(int defaultTopK) { this.defaultTopK = defaultTopK; }
        public int getMaxTopK() { return maxTopK; }
        public void setMaxTopK(int maxTopK) { this.maxTopK = maxTopK; }
        public int getMaxQueryLength() { return maxQueryLength; }
        public void setMaxQueryLength(int maxQueryLength) { this.maxQueryLength = maxQueryLength; }
        public double getMinSimilarity() { return minSimilarity; }
        public void setMinSimilarity(double minSimilarity) { this.minSimilarity = minSimilarity; }
        public int getRrfK() { return rrfK; }
        public void setRrfK(int rrfK) { this.rrfK = rrfK; }
        public int getCandidates() { return candidates; }
        public void setCandidates(int candidates) { this.candidates = candidates; }
        public int getAnswerSentences() { return answerSentences; }
        public void setAnswerSentences(int answerSentences) { this.answerSentences = answerSentences; }
    }

    /** An OpenAI-compatible endpoint: OpenAI, a gateway, Ollama, vLLM... */
    public static class OpenAi {
        private String baseUrl = "http://localhost:11434/v1";
        private String apiKey = "";
        private String model;
        @NotNull private Duration timeout = Duration.ofSeconds(30);
        @Min(1) @Max(2048) private int batchSize = 64;
        /** Vector size; 0 asks the provider once at start-up. */
        @Min(0) private int dimension = 0;

        public OpenAi() {
        }

        OpenAi(String model) {
            this.model = model;
        }

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public String getModel() { return model; }
        public void setModel(String model) { this.model = model; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getDimension() { return dimension; }
        public void setDimension(int dimension) { this.dimension = dimension; }
    }

    public static class Llm {
        /** none: extractive answers; openai: generated answers with [n] citations. */
        @NotNull private String provider = "none";
        @Valid private final OpenAi openai = new OpenAi("gpt-4o-mini");
        @Min(1) private int maxTokens = 512;

        public String getProvider() { return provider; }
        public void setProvider(String provider) { this.provider = provider; }
        public OpenAi getOpenai() { return openai; }
        public int getMaxTokens() { return maxTokens; }
        public void setMaxTokens(int maxTokens) { this.maxTokens = maxTokens; }
    }

    public static class Resilience {
        @Valid private final Redelivery ingest = new Redelivery(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
        @Valid private final Redelivery query = new Redelivery(2, Duration.ofMillis(100), Duration.ofMillis(500));
        @Valid private final Breaker embedding = new Breaker();
        @Valid private final Breaker vectorstore = new Breaker();
        @Valid private final Breaker llm = new Breaker();
        /** How long an ingestion waits for the embedding breaker to let calls through again. */
        @NotNull private Duration outageMaxWait = Duration.ofMinutes(30);

        public Redelivery getIngest() { return ingest; }
        public Redelivery getQuery() { return query; }
        public Breaker getEmbedding() { return embedding; }
        public Breaker getVectorstore() { return vectorstore; }
        public Breaker getLlm() { return llm; }
        public Duration getOutageMaxWait() { return outageMaxWait; }
        public void setOutageMaxWait(Duration outageMaxWait) { this.outageMaxWait = outageMaxWait; }
    }

    /** Redelivery of transient faults with exponential backoff and jitter. */
    public static class Redelivery {
        @Min(1) private int maxAttempts;
        @NotNull private Duration initialDelay;
        @DecimalMin("1.0") private double multiplier = 2.0;
        @NotNull private Duration maxDelay;
        /** Random spread of each delay, as a share of it (collision avoidance). */
        @DecimalMin("0.0") @DecimalMax("1.0") private double jitter = 0.15;
        /** Upper bound on a server's Retry-After that is honoured. */
        @NotNull private Duration maxRetryAfter = Duration.ofSeconds(60);

        public Redelivery() {
        }

        Redelivery(int maxAttempts, Duration initialDelay, Duration maxDelay) {
            this.maxAttempts = maxAttempts;
            this.initialDelay = initialDelay;
            this.maxDelay = maxDelay;
        }

        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public double getJitter() { return jitter; }
        public void setJitter(double jitter) { this.jitter = jitter; }
        public Duration getMaxRetryAfter() { return maxRetryAfter; }
        public void setMaxRetryAfter(Duration maxRetryAfter) { this.maxRetryAfter = maxRetryAfter; }
    }

    /** One resilience4j circuit breaker. */
    public static class Breaker {
        @Min(1) private int slidingWindowSize = 10;
        @Min(1) private int minimumCalls = 5;
        @DecimalMin("1") @DecimalMax("100") private float failureRateThreshold = 50;
        @DecimalMin("1") @DecimalMax("100") private float slowCallRateThreshold = 100;
        @NotNull private Duration slowCallDuration = Duration.ofSeconds(10);
        @NotNull private Duration waitInOpenState = Duration.ofSeconds(30);
        @Min(1) private int permittedCallsInHalfOpenState = 2;
        /** Longest a single call may take on the query path before it counts as failed. */
        @NotNull private Duration queryTimeout = Duration.ofSeconds(2);
        /** Longest a single call may take on the ingest path. */
        @NotNull private Duration ingestTimeout = Duration.ofSeconds(60);

        public int getSlidingWindowSize() { return slidingWindowSize; }
        public void setSlidingWindowSize(int n) { this.slidingWindowSize = n; }
        public int getMinimumCalls() { return minimumCalls; }
        public void setMinimumCalls(int minimumCalls) { this.minimumCalls = minimumCalls; }
        public float getFailureRateThreshold() { return failureRateThreshold; }
        public void setFailureRateThreshold(float t) { this.failureRateThreshold = t; }
        public float getSlowCallRateThreshold() { return slowCallRateThreshold; }
        public void setSlowCallRateThreshold(float t) { this.slowCallRateThreshold = t; }
        public Duration getSlowCallDuration() { return slowCallDuration; }
        public void setSlowCallDuration(Duration d) { this.slowCallDuration = d; }
        public Duration getWaitInOpenState() { return waitInOpenState; }
        public void setWaitInOpenState(Duration d) { this.waitInOpenState = d; }
        public int getPermittedCallsInHalfOpenState() { return permittedCallsInHalfOpenState; }
        public void setPermittedCallsInHalfOpenState(int n) { this.permittedCallsInHalfOpenState = n; }
        public Duration getQueryTimeout() { return queryTimeout; }
        public void setQueryTimeout(Duration d) { this.queryTimeout = d; }
        public Duration getIngestTimeout() { return ingestTimeout; }
        public void setIngestTimeout(Duration d) { this.ingestTimeout = d; }
    }

    public static class Fallback {
        /** Keyword rules of fallback step 3: any pattern found in the question gives the answer. */
        @Valid private java.util.List<FaqRule> faq = new java.util.ArrayList<>();
        @NotNull private String genericAnswer = "The answer service is having difficulties right now. Please try again in a few"
                + " minutes, rephrase your question, or contact support.";
        /** How long the last good answer stays usable by fallback step 2 after it went stale. */
        @NotNull private Duration staleAnswerTtl = Duration.ofHours(24);

        public java.util.List<FaqRule> getFaq() { return faq; }
        public void setFaq(java.util.List<FaqRule> faq) { this.faq = faq; }
        public String getGenericAnswer() { return genericAnswer; }
        public void setGenericAnswer(String genericAnswer) { this.genericAnswer = genericAnswer; }
        public Duration getStaleAnswerTtl() { return staleAnswerTtl; }
        public void setStaleAnswerTtl(Duration staleAnswerTtl) { this.staleAnswerTtl = staleAnswerTtl; }
    }

    public static class FaqRule {
        @NotNull private java.util.List<String> patterns = new java.util.ArrayList<>();
        @NotNull private String answer = "";
        @NotNull private java.util.List<String> sources = new java.util.ArrayList<>();

        public java.util.List<String> getPatterns() { return patterns; }
        public void setPatterns(java.util.List<String> patterns) { this.patterns = patterns; }
        public String getAnswer() { return answer; }
        public void setAnswer(String answer) { this.answer = answer; }
        public java.util.List<String> getSources() { return sources; }
        public void setSources(java.util.List<String> sources) { this.sources = sources; }
    }

    public static class Cache {
        @NotNull private Duration ttl = Duration.ofMinutes(10);
        @Min(1) private long maxEntries = 10_000;

        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
        public long getMaxEntries() { return maxEntries; }
        public void setMaxEntries(long maxEntries) { this.maxEntries = maxEntries; }
    }

    /** Settings of the example YAML routes in routes/, read there through property placeholders. */
    public static class Examples {
        @Valid private final NotesFolder notesFolder = new NotesFolder();

        public NotesFolder getNotesFolder() { return notesFolder; }

        public static class NotesFolder {
            private boolean enabled;
            @NotNull private Path path = Path.of("data/notes");
            @NotNull private String clientId = "notes";

            public boolean isEnabled() { return enabled; }
            public void setEnabled(boolean enabled) { this.enabled = enabled; }
            public Path getPath() { return path; }
            public void setPath(Path path) { this.path = path; }
            public String getClientId() { return clientId; }
            public void setClientId(String clientId) { this.clientId = clientId; }
        }
    }
}

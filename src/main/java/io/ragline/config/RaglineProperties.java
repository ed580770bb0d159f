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

    public Ingest getIngest() { return ingest; }
    public Chunking getChunking() { return chunking; }
    public Embedding getEmbedding() { return embedding; }
    public Store getStore() { return store; }
    public Query getQuery() { return query; }
    public Cache getCache() { return cache; }

    public static class Ingest {
        @NotNull private Path inbox = Path.of("data/inbox");
        private boolean folderEnabled = true;
        @NotNull private Duration pollDelay = Duration.ofMillis(500);
        @NotNull private Duration readLockCheckInterval = Duration.ofSeconds(1);
        @NotNull private Duration readLockMinAge = Duration.ofSeconds(2);
        @Min(1) private long maxFileBytes = 50L * 1024 * 1024;
        @Min(1) @Max(10_000) private int maxDocumentsPerRequest = 500;
        @Min(1) @Max(64) private int concurrency = 4;

        public Path getInbox() { return inbox; }
        public void setInbox(Path inbox) { this.inbox = inbox; }
        public boolean isFolderEnabled() { return folderEnabled; }
        public void setFolderEnabled(boolean folderEnabled) { this.folderEnabled = folderEnabled; }
        public Duration getPollDelay() { return pollDelay; }
        public void setPollDelay(Duration pollDelay) { this.pollDelay = pollDelay; }
        public Duration getReadLockCheckInterval() { return readLockCheckInterval; }
        public void setReadLockCheckInterval(Duration d) { this.readLockCheckInterval = d; }
        public Duration getReadLockMinAge() { return readLockMinAge; }
        public void setReadLockMinAge(Duration readLockMinAge) { this.readLockMinAge = readLockMinAge; }
        public long getMaxFileBytes() { return maxFileBytes; }
        public void setMaxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; }
        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public int getMaxDocumentsPerRequest() { return maxDocumentsPerRequest; }
        public void setMaxDocumentsPerRequest(int n) { this.maxDocumentsPerRequest = n; }
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

    public static class Cache {
        @NotNull private Duration ttl = Duration.ofMinutes(10);
        @Min(1) private long maxEntries = 10_000;

        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
        public long getMaxEntries() { return maxEntries; }
        public void setMaxEntries(long maxEntries) { this.maxEntries = maxEntries; }
    }
}

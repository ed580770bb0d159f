package io.ragline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.ragline.cache.CaffeineAnswerCache;
import io.ragline.document.EmbeddedDocument;
import io.ragline.embedding.Embedder;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.resilience.ResilienceSettings;
import io.ragline.store.SearchHit;
import io.ragline.store.StoreHealth;
import io.ragline.store.StoredDocument;
import io.ragline.store.DocumentPage;
import io.ragline.store.MetadataFilter;
import io.ragline.store.VectorStore;
import io.ragline.support.Settings;

/** What each component's check finds; how they add up is Actuator's (HealthEndpointsAgreeTest). */
class ComponentHealthTest {

    @Test
    void aStoreThatCannotBeReadIsUnhealthyWithoutItsInternalsAndTheOthersStayHealthy() {
        CircuitBreakers breakers = new CircuitBreakers(Settings.defaults(ResilienceSettings.class), new SimpleMeterRegistry());
        ComponentHealth health = new ComponentHealth(new BrokenStore(), new FixedEmbedder(),
                new CaffeineAnswerCache(Duration.ofMinutes(1), 1_000_000), breakers, false);

        Map<String, Object> vector = health.vectorDetails();
        assertThat(vector).containsEntry("status", "unhealthy").containsEntry("error", "the vector store cannot be read");
        assertThat(vector.toString()).doesNotContain("disk gone");
        assertThat(health.aiDetails()).containsEntry("status", "healthy").containsEntry("dimension", 2);
        assertThat(health.dbDetails()).containsEntry("status", "healthy").containsEntry("component", "answer-cache");
    }

    private static final class FixedEmbedder implements Embedder {
        public String modelName() { return "fixed"; }
        public int dimension() { return 2; }
        public List<float[]> embedAll(List<String> texts) { return texts.stream().map(t -> new float[] {1, 0}).toList(); }
    }

    private static final class BrokenStore implements VectorStore {
        public void upsertDocument(EmbeddedDocument document) { throw new IllegalStateException("disk gone"); }
        public void appendChunks(EmbeddedDocument part) { throw new IllegalStateException("disk gone"); }
        public void removeVersions(String clientId, String documentId, String contentHash, boolean keep) { throw new IllegalStateException("disk gone"); }
        public int deleteDocument(String clientId, String documentId) { throw new IllegalStateException("disk gone"); }
        public Optional<String> contentHash(String clientId, String documentId) { throw new IllegalStateException("disk gone"); }
        public DocumentPage listDocuments(String clientId, String afterId, int limit) { throw new IllegalStateException("disk gone"); }
        public List<SearchHit> vectorSearch(String clientId, MetadataFilter filter, float[] vector, int k) { throw new IllegalStateException("disk gone"); }
        public List<SearchHit> keywordSearch(String clientId, MetadataFilter filter, String text, int k) { throw new IllegalStateException("disk gone"); }
        public void commit() { throw new IllegalStateException("disk gone"); }
        public void bindEmbeddingModel(String modelName, int dimension) { throw new IllegalStateException("disk gone"); }
        public long count(String clientId) { throw new IllegalStateException("disk gone"); }
        public List<StoredDocument> documentsBySource(String sourcePrefix) { throw new IllegalStateException("disk gone"); }
        public StoreHealth health() { throw new IllegalStateException("disk gone"); }
    }
}

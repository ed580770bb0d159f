package io.ragline.metrics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ragline's own meters, beside those libraries export (resilience4j breakers and their call timers, Camel
 * routes, the JVM, Hikari, Kafka lag). Features call it with plain values, so it depends on none of them.
 */
public class RaglineMetrics {

    public static final String OTHER_CLIENTS = "other";
    static final String NO_LLM = "none";
    private static final List<String> INGEST_SOURCES = List.of("folder", "http", "kafka", "jms");

    private final MeterRegistry registry;
    private final Set<String> labelledClients;
    private final MetricsSettings settings;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RaglineMetrics(MeterRegistry registry, MetricsSettings settings) {
        this.registry = registry;
        this.settings = settings;
        this.labelledClients = Set.copyOf(settings.clientLabels());
        registerAtZero();
    }

    /** Every series the alert rules and dashboards read exists from the start: rate() and absence checks need it. */
    private void registerAtZero() {
        for (String source : List.of("rag", "extractive", "keyword", "cache", "faq", "generic")) {
            counter("ragline.answers", "Queries answered, by the step that answered", "source", source, "client", OTHER_CLIENTS);
        }
        cacheLookupCounter(true);
        cacheLookupCounter(false);
        for (String source : INGEST_SOURCES) {
            ingested(source, List.of());
            deadLetterCounter(source);
        }
        // with no LLM configured the token and cost series exist too, under model "none"
        llmUsage(null, NO_LLM, 0, 0);
    }

    /** The client as a label value: itself when allow-listed, {@code other} otherwise. */
    public String clientLabel(String clientId) {
        return clientId != null && labelledClients.contains(clientId) ? clientId : OTHER_CLIENTS;
    }

    /** Which step answered a query: rag, extractive, keyword, cache, faq or generic (cache for any cached answer). */
    public void answered(String source, boolean cached, String clientId) {
        counter("ragline.answers", "Queries answered, by the step that answered",
                "source", cached ? "cache" : String.valueOf(source), "client", clientLabel(clientId)).increment();
    }

    public void cacheLookup(boolean hit) {
        cacheLookupCounter(hit).increment();
    }

    private Counter cacheLookupCounter(boolean hit) {
        return counter("ragline.cache.requests", "Answer cache look-ups", "result", hit ? "hit" : "miss");
    }

    /** Documents and chunks durably indexed from one source: folder, http, kafka or jms. */
    public void ingested(String source, Object results) {
        source = source == null ? "routes" : source;
        Collection<?> all = results instanceof Collection<?> many ? many : List.of(results);
        long documents = 0;
        long chunks = 0;
        for (Object result : all) {
            if (result instanceof Indexed indexed && !indexed.unchanged()) {
                documents++;
                chunks += indexed.chunkCount();
            }
        }
        counter("ragline.ingest.documents", "Documents indexed", "source", source).increment(documents);
        counter("ragline.ingest.chunks", "Chunks indexed", "source", source).increment(chunks);
    }

    /** A document or message given up on for good: dead-lettered, or a folder file moved to .failed. */
    public void deadLettered(String source) {
        deadLetterCounter(source).increment();
    }

    private Counter deadLetterCounter(String source) {
        return counter("ragline.dead.letters", "Documents given up on: dead-lettered or moved to .failed", "source", source);
    }

    /** The provider's {@code usage} of one LLM call, and its estimated cost from {@code ragline.metrics.prices}. */
    public void llmUsage(String clientId, String model, long promptTokens, long completionTokens) {
        String client = clientLabel(clientId);
        String modelLabel = model == null ? "unknown" : model;
        counter("ragline.llm.tokens", "LLM tokens used", "client", client, "model", modelLabel, "type", "prompt").increment(promptTokens);
        counter("ragline.llm.tokens", "LLM tokens used", "client", client, "model", modelLabel, "type", "completion").increment(completionTokens);
        MetricsSettings.Price price = settings.prices().get(modelLabel);
        double cost = price == null ? 0 : (promptTokens * price.inputPerMillion() + completionTokens * price.outputPerMillion()) / 1_000_000;
        counter("ragline.llm.cost.usd", "Estimated LLM cost in USD (0 for a model without a price)", "client", client, "model", modelLabel)
                .increment(cost);
    }

    /** Found again by name and tags without building a meter id: queries and ingest call this on every request. */
    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + "|" + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    /** What {@link #ingested} reads of an ingest result, so this package needs no feature's types. */
    public interface Indexed {
        int chunkCount();

        boolean unchanged();
    }
}

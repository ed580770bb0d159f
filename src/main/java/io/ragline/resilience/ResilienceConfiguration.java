package io.ragline.resilience;

import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.config.RaglineProperties;

/** Breakers, redelivery deciders and the threads that run timed calls, as beans the routes reference by name. */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    public static final String EMBEDDING_BREAKER = "embeddingBreaker";
    public static final String VECTORSTORE_BREAKER = "vectorstoreBreaker";
    public static final String LLM_BREAKER = "llmBreaker";
    /** Runs calls under a breaker timeout; the common fork-join pool is too small to block in. */
    public static final String TIMED_CALLS = "breakerTimedCalls";

    @Bean
    CircuitBreakers circuitBreakers(RaglineProperties properties, MeterRegistry meters) {
        return new CircuitBreakers(properties.getResilience(), meters);
    }

    @Bean(EMBEDDING_BREAKER)
    CircuitBreaker embeddingBreaker(CircuitBreakers breakers) {
        return breakers.get(CircuitBreakers.EMBEDDING);
    }

    @Bean(VECTORSTORE_BREAKER)
    CircuitBreaker vectorstoreBreaker(CircuitBreakers breakers) {
        return breakers.get(CircuitBreakers.VECTORSTORE);
    }

    @Bean(LLM_BREAKER)
    CircuitBreaker llmBreaker(CircuitBreakers breakers) {
        return breakers.get(CircuitBreakers.LLM);
    }

    /**
     * Bound in Camel's registry rather than declared as a Spring bean: an executor bean would replace
     * Spring Boot's own task executor, which the HTTP engine needs. Camel shuts it down with the context.
     */
    @Bean
    CamelContextConfiguration breakerTimedCalls() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getRegistry().bind(TIMED_CALLS, ExecutorService.class,
                        camel.getExecutorServiceManager().newCachedThreadPool(this, "breaker-call"));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /** The consumers that pause during an embedding outage; queue consumers join this list. */
    @Bean(destroyMethod = "close")
    EmbeddingOutage embeddingOutage(CircuitBreakers breakers, CamelContext camel, RaglineProperties properties) {
        return new EmbeddingOutage(breakers.get(CircuitBreakers.EMBEDDING), camel, List.of("file-ingest", "jms-ingest", "kafka-ingest"),
                properties.getResilience().getOutageMaxWait());
    }

    /** Ingestion waits out an embedding outage (breaker not closed) rather than dead-lettering. */
    @Bean
    RetryDecider ingestRetry(RaglineProperties properties, CircuitBreakers breakers) {
        CircuitBreaker embedding = breakers.get(CircuitBreakers.EMBEDDING);
        return new RetryDecider(properties.getResilience().getIngest(),
                () -> embedding.getState() != CircuitBreaker.State.CLOSED, properties.getResilience().getOutageMaxWait());
    }

    @Bean
    RetryDecider queryRetry(RaglineProperties properties) {
        return new RetryDecider(properties.getResilience().getQuery());
    }
}

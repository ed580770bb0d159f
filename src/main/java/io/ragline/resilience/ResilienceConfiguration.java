package io.ragline.resilience;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/** Breakers, redelivery deciders and the threads that run timed calls, as beans the routes reference by name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceSettings.class)
public class ResilienceConfiguration {

    public static final String EMBEDDING_BREAKER = "embeddingBreaker";
    public static final String VECTORSTORE_BREAKER = "vectorstoreBreaker";
    public static final String LLM_BREAKER = "llmBreaker";
    /** Runs calls under a breaker timeout; the common fork-join pool is too small to block in. */
    public static final String TIMED_CALLS = "breakerTimedCalls";

    @Bean
    CircuitBreakers circuitBreakers(ResilienceSettings settings, MeterRegistry meters) {
        return new CircuitBreakers(settings, meters);
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

    /** The route policy ingestion consumers opt into: paused while the embedding breaker is open. */
    @Bean(destroyMethod = "close")
    EmbeddingOutage embeddingOutage(CircuitBreakers breakers, ResilienceSettings settings) {
        return new EmbeddingOutage(breakers.get(CircuitBreakers.EMBEDDING), settings.outageMaxWait());
    }

    /** Ingestion waits out an embedding outage (breaker not closed) rather than dead-lettering. */
    @Bean
    RetryDecider ingestRetry(ResilienceSettings settings, CircuitBreakers breakers) {
        CircuitBreaker embedding = breakers.get(CircuitBreakers.EMBEDDING);
        return new RetryDecider(settings.ingest(), () -> embedding.getState() != CircuitBreaker.State.CLOSED,
                settings.outageMaxWait());
    }

    @Bean
    RetryDecider queryRetry(ResilienceSettings settings) {
        return new RetryDecider(settings.query());
    }
}

package io.ragline.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Route;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;

import io.ragline.config.RaglineHeaders;

/**
 * Ingestion pauses while the embedding breaker is open: the consumers are suspended, and documents
 * already in flight wait at {@link #awaitEmbedding()} instead of failing. When the breaker lets calls
 * through again (half-open), consumers resume and the waiting documents become its probes.
 */
public class EmbeddingOutage {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingOutage.class);

    private final CircuitBreaker breaker;
    private final CamelContext camel;
    private final List<String> consumerRouteIds;
    private final Duration maxWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notOpen = lock.newCondition();
    /** Transitions fire on whatever thread recorded the call, often a consumer's own: pause and resume from one thread, in order. */
    private final ExecutorService routeControl = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-pause");
        thread.setDaemon(true);
        return thread;
    });

    public EmbeddingOutage(CircuitBreaker breaker, CamelContext camel, List<String> consumerRouteIds, Duration maxWait) {
        this.breaker = breaker;
        this.camel = camel;
        this.consumerRouteIds = consumerRouteIds;
        this.maxWait = maxWait;
        breaker.getEventPublisher().onStateTransition(event -> onTransition(event.getStateTransition().getToState()));
    }

    private void onTransition(State to) {
        if (to == State.OPEN || to == State.FORCED_OPEN) {
            LOG.warn("Embedding breaker open: pausing ingestion consumers {}", consumerRouteIds);
            routeControl.execute(() -> forEachConsumer(true));
        } else {
            LOG.info("Embedding breaker {}: resuming ingestion consumers", to);
            routeControl.execute(() -> forEachConsumer(false));
            lock.lock();
            try {
                notOpen.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Suspends the consumers themselves, not their routes: suspending a route waits for its in-flight
     * exchanges, and those are the documents waiting for the breaker. A suspended consumer stops polling.
     */
    private void forEachConsumer(boolean suspend) {
        for (String routeId : consumerRouteIds) {
            Route route = camel.getRoute(routeId);
            if (route == null || !camel.getRouteController().getRouteStatus(routeId).isStarted()) {
                continue; // not deployed, or stopped on purpose
            }
            try {
                if (suspend) {
                    ServiceHelper.suspendService(route.getConsumer());
                } else {
                    ServiceHelper.resumeService(route.getConsumer());
                }
            } catch (Exception e) {
                LOG.error("Cannot {} the consumer of route {}", suspend ? "suspend" : "resume", routeId, e);
            }
        }
    }

    /** Whether the consumer of {@code routeId} is paused by an outage. */
    public boolean isPaused(String routeId) {
        Route route = camel.getRoute(routeId);
        return route != null && ServiceHelper.isSuspended(route.getConsumer());
    }

    public void close() {
        routeControl.shutdownNow();
    }

    /**
     * Blocks while the breaker is open, at most {@code maxWait}; then the call may proceed. A caller that
     * someone waits on ({@link RaglineHeaders#FAIL_FAST_ON_OUTAGE}) goes on at once and fails fast.
     */
    public void awaitEmbedding(@ExchangeProperty(RaglineHeaders.FAIL_FAST_ON_OUTAGE) Boolean failFast)
            throws InterruptedException {
        if (Boolean.TRUE.equals(failFast)) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (breaker.getState() == State.OPEN || breaker.getState() == State.FORCED_OPEN) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return; // the call will fail fast and the document is dead-lettered with that reason
                }
                notOpen.await(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}

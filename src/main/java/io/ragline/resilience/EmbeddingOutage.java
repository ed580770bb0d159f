package io.ragline.resilience;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;

/**
 * A route policy for ingestion consumers: while the embedding breaker is open their consumers are
 * suspended, and documents already in flight wait at {@link #awaitEmbedding} instead of failing. When the
 * breaker lets calls through again (half-open), consumers resume and the waiting documents become its
 * probes. A consumer route opts in with {@code .routePolicy(outage)}.
 */
public class EmbeddingOutage extends RoutePolicySupport {

    /**
     * Exchange property: when true, an embedding outage fails the document at once instead of pausing
     * it until the breaker closes. Set by callers that someone waits on, such as HTTP requests.
     */
    public static final String FAIL_FAST = "RaglineFailFastOnOutage";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingOutage.class);

    private final CircuitBreaker breaker;
    private final Duration maxWait;
    private final Set<Route> consumers = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notOpen = lock.newCondition();
    /** Transitions fire on whatever thread recorded the call, often a consumer's own: pause and resume from one thread, in order. */
    private final ExecutorService routeControl = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-pause");
        thread.setDaemon(true);
        return thread;
    });

    public EmbeddingOutage(CircuitBreaker breaker, Duration maxWait) {
        this.breaker = breaker;
        this.maxWait = maxWait;
        breaker.getEventPublisher().onStateTransition(event -> onTransition(event.getStateTransition().getToState()));
    }

    @Override
    public void onInit(Route route) {
        consumers.add(route);
    }

    @Override
    public void onRemove(Route route) {
        consumers.remove(route);
    }

    private void onTransition(State to) {
        boolean open = to == State.OPEN || to == State.FORCED_OPEN;
        if (open) {
            LOG.warn("Embedding breaker open: pausing ingestion consumers {}", consumers.stream().map(Route::getRouteId).toList());
        } else {
            LOG.info("Embedding breaker {}: resuming ingestion consumers", to);
            lock.lock();
            try {
                notOpen.signalAll();
            } finally {
                lock.unlock();
            }
        }
        routeControl.execute(() -> consumers.forEach(route -> pause(route, open)));
    }

    /**
     * Suspends the consumer itself, not its route: suspending a route waits for its in-flight exchanges,
     * and those are the documents waiting for the breaker. A suspended consumer stops polling.
     */
    private void pause(Route route, boolean suspend) {
        if (!route.getCamelContext().getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
            return; // stopped on purpose, or not started (auto-startup off)
        }
        try {
            if (suspend) {
                ServiceHelper.suspendService(route.getConsumer());
            } else {
                ServiceHelper.resumeService(route.getConsumer());
            }
        } catch (Exception e) {
            LOG.error("Cannot {} the consumer of route {}", suspend ? "suspend" : "resume", route.getRouteId(), e);
        }
    }

    /** Whether the consumer of route {@code routeId} is paused by an outage. */
    public boolean isPaused(String routeId) {
        return consumers.stream().anyMatch(route -> route.getRouteId().equals(routeId) && ServiceHelper.isSuspended(route.getConsumer()));
    }

    /** Not a route service stop: the policy is shared by several routes and outlives each of them. */
    public void close() {
        routeControl.shutdownNow();
    }

    /**
     * Blocks while the breaker is open, at most {@code maxWait}; then the call may proceed. A caller that
     * someone waits on ({@link #FAIL_FAST}) goes on at once and fails fast.
     */
    public void awaitEmbedding(@ExchangeProperty(FAIL_FAST) Boolean failFast) throws InterruptedException {
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

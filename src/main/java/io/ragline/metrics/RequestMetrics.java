package io.ragline.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The request meters under the names operators of this kind of service query ({@code rag_requests_total},
 * {@code rag_requests_success_total}, {@code rag_requests_error_total}, {@code rag_response_time_seconds}):
 * a filter, because Spring's own {@code http_server_requests} has other names and labels and the alert
 * rules and dashboards are written against these. The endpoint label is a fixed set, never a raw path.
 */
public class RequestMetrics extends OncePerRequestFilter {

    private final MeterRegistry registry;
    /** The meters of each endpoint, and of each (endpoint, error type): built once, not per request. */
    private final Map<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        // the series exist from the start, at zero: rates and error ratios are defined before the first request
        for (String endpoint : new String[] {"query", "ingest", "delete"}) {
            meters(endpoint);
            errors(endpoint, "internal");
        }
    }

    /**
     * The Camel REST routes answer asynchronously: the filter chain returns when the request goes async,
     * before the route has run or set the status. Such a request is recorded when it completes.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String endpoint = endpoint(request);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new RecordOnComplete(endpoint, start));
            } else {
                record(endpoint, response.getStatus(), System.nanoTime() - start);
            }
        }
    }

    /** onComplete follows an async request's end whatever it was: done, failed or timed out. */
    private final class RecordOnComplete implements AsyncListener {
        private final String endpoint;
        private final long start;

        RecordOnComplete(String endpoint, long start) {
            this.endpoint = endpoint;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(endpoint, ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), System.nanoTime() - start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new async cycle of the same request: keep listening to it
            event.getAsyncContext().addListener(this);
        }
    }

    void record(String endpoint, int status, long nanos) {
        EndpointMeters meters = meters(endpoint);
        meters.requests().increment();
        if (status < 400) {
            meters.successes().increment();
        } else {
            errors(endpoint, errorType(status)).increment();
        }
        meters.responseTime().record(nanos, TimeUnit.NANOSECONDS);
    }

    private EndpointMeters meters(String endpoint) {
        return endpoints.computeIfAbsent(endpoint, name -> new EndpointMeters(
                Counter.builder("rag.requests").description("API requests").tag("endpoint", name).register(registry),
                Counter.builder("rag.requests.success").description("API requests answered 2xx/3xx").tag("endpoint", name)
                        .register(registry),
                Timer.builder("rag.response.time").description("API response time").tag("endpoint", name)
                        .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99)
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry)));
    }

    private Counter errors(String endpoint, String errorType) {
        return errors.computeIfAbsent(endpoint + "/" + errorType, key -> Counter.builder("rag.requests.error")
                .description("API requests answered 4xx/5xx").tag("endpoint", endpoint).tag("error_type", errorType).register(registry));
    }

    private record EndpointMeters(Counter requests, Counter successes, Timer responseTime) {
    }

    static String endpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/query")) {
            return "query";
        }
        if (path.equals("/api/documents")) {
            return "DELETE".equals(request.getMethod()) ? "delete" : "ingest";
        }
        if (path.startsWith("/api/documents/")) {
            return "delete";
        }
        return "other";
    }

    /** Bounded error classes: what an operator acts on differently. */
    static String errorType(int status) {
        return switch (status) {
            case 400, 404, 405, 413, 415, 422 -> "invalid_request";
            case 401, 403 -> "unauthorized";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            case 504 -> "timeout";
            default -> status >= 500 ? "internal" : "client_error";
        };
    }
}

package io.ragline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The endpoint and error-type labels are fixed sets: no raw path or status reaches a label. */
class RequestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMetrics requests = new RequestMetrics(registry);

    @Test
    void endpointsAreNamedNeverRawPaths() {
        assertThat(RequestMetrics.endpoint(new MockHttpServletRequest("POST", "/api/query"))).isEqualTo("query");
        assertThat(RequestMetrics.endpoint(new MockHttpServletRequest("POST", "/api/documents"))).isEqualTo("ingest");
        assertThat(RequestMetrics.endpoint(new MockHttpServletRequest("DELETE", "/api/documents/secret-id-123"))).isEqualTo("delete");
        assertThat(RequestMetrics.endpoint(new MockHttpServletRequest("DELETE", "/api/documents"))).isEqualTo("delete");
        assertThat(RequestMetrics.endpoint(new MockHttpServletRequest("GET", "/api/anything/else"))).isEqualTo("other");
    }

    @Test
    void successesAndErrorsByType() {
        requests.record("query", 200, 5_000_000);
        requests.record("query", 400, 1_000_000);
        requests.record("query", 503, 1_000_000);

        assertThat(registry.get("rag.requests").tag("endpoint", "query").counter().count()).isEqualTo(3);
        assertThat(registry.get("rag.requests.success").tag("endpoint", "query").counter().count()).isEqualTo(1);
        assertThat(registry.get("rag.requests.error").tags("endpoint", "query", "error_type", "invalid_request").counter().count()).isEqualTo(1);
        assertThat(registry.get("rag.requests.error").tags("endpoint", "query", "error_type", "unavailable").counter().count()).isEqualTo(1);
        assertThat(registry.get("rag.response.time").tag("endpoint", "query").timer().count()).isEqualTo(3);
    }

    /** The REST routes answer asynchronously: the status and the time are the ones at completion, not when the filter returns. */
    @Test
    void anAsyncRequestIsRecordedWhenItCompletes() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/query");
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        requests.doFilter(request, response, (req, res) -> req.startAsync(req, res));
        assertThat(registry.get("rag.requests").tag("endpoint", "query").counter().count()).as("not yet complete").isZero();

        response.setStatus(400);
        ((MockAsyncContext) request.getAsyncContext()).complete();

        assertThat(registry.get("rag.requests").tag("endpoint", "query").counter().count()).isEqualTo(1);
        assertThat(registry.get("rag.requests.error").tags("endpoint", "query", "error_type", "invalid_request").counter().count()).isEqualTo(1);
        assertThat(registry.get("rag.response.time").tag("endpoint", "query").timer().count()).isEqualTo(1);
    }
}

package io.ragline.metrics;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.ApiResponseWriter;

/** GET /metrics/summary. */
@Component
public class MetricsRoutes extends RouteBuilder {

    static final String SUMMARY = "direct:metrics-summary";

    private final MetricsSummary summary;
    private final ApiResponseWriter responses;

    public MetricsRoutes(MetricsSummary summary, ApiResponseWriter responses) {
        this.summary = summary;
        this.responses = responses;
    }

    @Override
    public void configure() {
        rest("/metrics").get("/summary").id("rest-metrics-summary").produces("application/json")
                .description("Answers, latency, cache and ingest figures since start-up; the admin role once keys are configured")
                .responseMessage().code(200).message("The summary").endResponseMessage().responseMessage().code(403).message("The key lacks the admin role").endResponseMessage().to(SUMMARY);

        from(SUMMARY).routeId("metrics-summary").routeConfigurationId(ApiErrorPolicy.API)
                .bean(summary, "summary").process(responses);
    }
}

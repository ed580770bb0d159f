package io.ragline.observability;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponseWriter;
import io.ragline.resilience.ErrorPolicy;

/** GET /health and its per-component children. */
@Component
public class HealthRoutes extends RouteBuilder {

    private final HealthService health;
    private final ApiResponseWriter responses;

    public HealthRoutes(HealthService health, ApiResponseWriter responses) {
        this.health = health;
        this.responses = responses;
    }

    @Override
    public void configure() {
        from("direct:health").routeId("health").routeConfigurationId(ErrorPolicy.API)
                .bean(health, "overall").process(responses);
        from("direct:health-vector").routeId("health-vector").routeConfigurationId(ErrorPolicy.API)
                .bean(health, "vector").process(responses);
        from("direct:health-ai").routeId("health-ai").routeConfigurationId(ErrorPolicy.API)
                .bean(health, "ai").process(responses);
        from("direct:health-db").routeId("health-db").routeConfigurationId(ErrorPolicy.API)
                .bean(health, "db").process(responses);
    }
}

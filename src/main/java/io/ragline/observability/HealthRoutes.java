package io.ragline.observability;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.ApiResponseWriter;

/** GET /health and its per-component children. */
@Component
public class HealthRoutes extends RouteBuilder {

    static final String HEALTH = "direct:health";
    static final String HEALTH_VECTOR = "direct:health-vector";
    static final String HEALTH_AI = "direct:health-ai";
    static final String HEALTH_DB = "direct:health-db";

    private final HealthService health;
    private final ApiResponseWriter responses;

    public HealthRoutes(HealthService health, ApiResponseWriter responses) {
        this.health = health;
        this.responses = responses;
    }

    @Override
    public void configure() {
        rest("/health")
                .get().id("rest-health").produces("application/json")
                    .description("Overall health: 200 healthy or degraded (only the answer cache failing), 503 unhealthy naming the failed components")
                    .responseMessage().code(200).message("Healthy or degraded").endResponseMessage().responseMessage().code(503).message("Unhealthy, or not ready yet").endResponseMessage().to(HEALTH)
                .get("/vector").id("rest-health-vector").produces("application/json").description("The vector store: 200 or 503")
                    .responseMessage().code(200).message("Healthy").endResponseMessage().responseMessage().code(503).message("Unhealthy").endResponseMessage().to(HEALTH_VECTOR)
                .get("/ai").id("rest-health-ai").produces("application/json").description("The embedding model: 200 or 503")
                    .responseMessage().code(200).message("Healthy").endResponseMessage().responseMessage().code(503).message("Unhealthy").endResponseMessage().to(HEALTH_AI)
                .get("/db").id("rest-health-db").produces("application/json").description("The answer cache: 200 or 503")
                    .responseMessage().code(200).message("Healthy").endResponseMessage().responseMessage().code(503).message("Unhealthy").endResponseMessage().to(HEALTH_DB);

        from(HEALTH).routeId("health").routeConfigurationId(ApiErrorPolicy.API)
                .bean(health, "overall").process(responses);
        from(HEALTH_VECTOR).routeId("health-vector").routeConfigurationId(ApiErrorPolicy.API)
                .bean(health, "vector").process(responses);
        from(HEALTH_AI).routeId("health-ai").routeConfigurationId(ApiErrorPolicy.API)
                .bean(health, "ai").process(responses);
        from(HEALTH_DB).routeId("health-db").routeConfigurationId(ApiErrorPolicy.API)
                .bean(health, "db").process(responses);
    }
}

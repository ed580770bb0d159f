package io.ragline.api;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/** The HTTP surface. Each operation hands over to a {@code direct:} route of its feature. */
@Component
public class RestApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // bodies are read and validated by our own parsers, so a bad one gets a precise 400
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);

        rest("/api")
                .post("/query").id("rest-query").consumes("application/json").produces("application/json")
                    .to("direct:query-api")
                .post("/documents").id("rest-documents").consumes("application/json").produces("application/json")
                    .to("direct:documents-api")
                .delete("/documents/{id}").id("rest-delete-document").produces("application/json")
                    .to("direct:delete-document-api");

        rest("/health")
                .get().id("rest-health").produces("application/json").to("direct:health")
                .get("/vector").id("rest-health-vector").produces("application/json").to("direct:health-vector")
                .get("/ai").id("rest-health-ai").produces("application/json").to("direct:health-ai")
                .get("/db").id("rest-health-db").produces("application/json").to("direct:health-db");
    }
}

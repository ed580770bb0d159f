package io.ragline.api;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * The HTTP engine every feature's REST operations share. Each feature declares its own operations with
 * the REST DSL beside the routes that serve them.
 */
@Component
public class RestApiConfiguration extends RouteBuilder {

    @Override
    public void configure() {
        // bodies are read and validated by our own parsers, so a bad one gets a precise 400
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off)
                .endpointProperty("headerFilterStrategy", "#" + ApiHeaderFilter.BEAN);
    }
}

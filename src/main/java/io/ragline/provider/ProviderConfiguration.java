package io.ragline.provider;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client that every OpenAI-compatible endpoint in use (see the features' {@link OpenAiEndpoint} beans) shares. */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    /**
     * The provider timeouts bound each HTTP exchange (camel-http sets timeouts per component, not per
     * endpoint, so the longest one configured applies); the breakers' own timeouts bound each call as a
     * whole on the query and ingest paths.
     */
    @Bean
    ComponentCustomizer providerHttpTimeouts(ObjectProvider<OpenAiEndpoint> endpoints) {
        long timeout = endpoints.orderedStream().mapToLong(endpoint -> endpoint.timeout().toMillis()).max().orElse(30_000);
        return ComponentCustomizer.forType(HttpComponent.class, http -> {
            http.setConnectTimeout(Math.min(timeout, 10_000));
            http.setResponseTimeout(timeout);
            http.setSoTimeout(timeout);
        });
    }
}

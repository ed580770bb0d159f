package io.ragline.api;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document springdoc serves at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * the REST DSL's operations, which camel-springdoc adds, with what they share. Once API keys are
 * configured only the admin role reads it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String API_DOCS = "/v3/api-docs";
    public static final String SWAGGER_UI = "/swagger-ui";
    static final String BEARER = "bearer";
    static final String API_KEY = "api-key";

    @Bean
    OpenApiCustomizer raglineOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return openApi -> {
            openApi.info(new Info().title("Ragline").version(properties == null ? "dev" : properties.getVersion())
                    .description("Documents in, answers with their sources out. Errors answer {\"success\": false, \"error\": \"...\"}."));
            // the server is whatever host the reader reached the document on
            openApi.servers(null);
            // Spring's /error forwarding target is not an operation of the API
            if (openApi.getPaths() != null) {
                openApi.getPaths().remove("/error");
            }
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API key, once ragline.security.api-keys are configured"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name("X-API-Key").description("The same key in a header of its own")));
            openApi.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
        };
    }
}

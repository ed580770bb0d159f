package io.ragline.api;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.document.DocumentRules;
import io.ragline.document.Limits;

/** What every HTTP route and every reader of outside input shares: the limits, JSON reading, the body size check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Limits.class)
public class ApiConfiguration {

    @Bean
    JsonBodies jsonBodies(ObjectMapper json, Limits limits) {
        return new JsonBodies(json, limits);
    }

    @Bean(ApiHeaderFilter.BEAN)
    ApiHeaderFilter apiHeaderFilter() {
        return new ApiHeaderFilter();
    }

    @Bean
    DocumentRules documentRules(Limits limits) {
        return new DocumentRules(limits);
    }

    /**
     * Tomcat would answer an encoded '/' in a path itself, with an HTML page: passed through, the
     * security firewall refuses it in the API's JSON instead.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(Limits limits, List<BodyLimit> endpoints, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits, endpoints, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}

package io.ragline.api;

import java.util.Arrays;
import java.util.List;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
     * Tomcat, made to answer as the API does and to let no client hold a request thread:
     * <ul>
     * <li>an encoded '/' in a path is passed through, for the security firewall to refuse in JSON;</li>
     * <li>what Tomcat refuses itself is answered in JSON ({@link JsonErrorReportValve});</li>
     * <li>a body read waits at most {@code ragline.limits.body-read-timeout} for the next bytes
     *     (Tomcat's upload timeout; {@link RequestBodyLimit} bounds the whole body by the same);</li>
     * <li>a body left unread by a refusal is not swallowed on a request thread: the connection closes.</li>
     * </ul>
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatAnswersAsTheApi(Limits limits) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                connector.setProperty("disableUploadTimeout", "false");
                connector.setProperty("connectionUploadTimeout", Long.toString(limits.bodyReadTimeout().toMillis()));
                connector.setProperty("maxSwallowSize", "0");
            });
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                    Pipeline host = context.getParent().getPipeline();
                    Arrays.stream(host.getValves()).filter(valve -> valve instanceof ErrorReportValve).forEach(host::removeValve);
                    host.addValve(new JsonErrorReportValve());
                }
            }));
        };
    }

    /** Before every other filter, security included: neither the API nor its health answers before it is ready. */
    @Bean
    FilterRegistrationBean<ReadinessGate> readinessGate(ApplicationAvailability availability, ObjectMapper json) {
        FilterRegistrationBean<ReadinessGate> registration = new FilterRegistrationBean<>(new ReadinessGate(availability, json));
        registration.addUrlPatterns("/api/*", "/health", "/health/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(Limits limits, List<BodyLimit> endpoints, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits, endpoints, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}

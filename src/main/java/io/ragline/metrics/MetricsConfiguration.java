package io.ragline.metrics;

import java.io.File;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
public class MetricsConfiguration {

    @Bean
    RaglineMetrics raglineMetrics(MeterRegistry registry, MetricsSettings settings) {
        Gauge.builder("ragline.heap.used.ratio", HeapUsage::usedRatio)
                .description("Heap in use over the maximum heap").register(registry);
        return new RaglineMetrics(registry, settings);
    }

    @Bean
    MetricsSummary metricsSummary(MeterRegistry registry) {
        return new MetricsSummary(registry, new File(System.getProperty("user.dir")));
    }

    @Bean
    FilterRegistrationBean<RequestMetrics> requestMetrics(MeterRegistry registry) {
        FilterRegistrationBean<RequestMetrics> registration = new FilterRegistrationBean<>(new RequestMetrics(registry));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}

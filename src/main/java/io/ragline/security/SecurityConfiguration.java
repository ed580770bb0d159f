package io.ragline.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.api.ApiPaths;
import io.ragline.api.OpenApiConfiguration;

/**
 * Spring Security's filter chain. With API keys configured: every {@code /api/**} request needs a key;
 * queries need the {@code query} role, ingest and delete {@code ingest}; actuator endpoints other than
 * health (the Prometheus scrape included), and {@code /metrics/summary}, need {@code admin}; {@code /health}
 * stays open.
 * Without keys (the embedded default) everything is open, as before, and a warning says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain raglineSecurity(HttpSecurity http, SecuritySettings settings, ObjectMapper json,
                                        ClientRateLimits rateLimits) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new AuthenticatedClientFilter(), AuthorizationFilter.class);
        if (settings.apiKeys().isEmpty() && settings.requireKeys()) {
            throw new IllegalStateException("ragline.security.require-keys is set but no API key is configured "
                    + "(ragline.security.api-keys): refusing to serve the API open");
        }
        if (settings.apiKeys().isEmpty()) {
            LOG.warn("No API keys configured (ragline.security.api-keys): the API is open to anyone who can reach "
                    + "this port, and every request names its client itself. Configure keys before exposing it.");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        ApiKeyAuthentication keys = new ApiKeyAuthentication(settings.apiKeys());
        AuthenticationFilter authentication = new AuthenticationFilter(new ProviderManager(keys), keys);
        JsonSecurityErrors errors = new JsonSecurityErrors(json);
        authentication.setFailureHandler(errors::commence);
        authentication.setSuccessHandler((request, response, result) -> { });
        LOG.info("{} API keys configured: /api needs one", settings.apiKeys().size());
        return http.addFilterBefore(authentication, AuthorizationFilter.class)
                .addFilterAfter(new RateLimitBeforeBody(rateLimits, ApiPaths.QUERY, ApiPaths.DOCUMENTS, errors), AuthorizationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/health", "/health/**", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, ApiPaths.QUERY).hasRole(SecuritySettings.Role.QUERY.name())
                        .requestMatchers(HttpMethod.POST, ApiPaths.DOCUMENTS).hasRole(SecuritySettings.Role.INGEST.name())
                        .requestMatchers(HttpMethod.GET, ApiPaths.DOCUMENTS)
                            .hasAnyRole(SecuritySettings.Role.QUERY.name(), SecuritySettings.Role.INGEST.name())
                        .requestMatchers(HttpMethod.DELETE, ApiPaths.DOCUMENTS, ApiPaths.DOCUMENTS + "/**").hasRole(SecuritySettings.Role.INGEST.name())
                        .requestMatchers("/actuator/**", "/metrics/**", OpenApiConfiguration.API_DOCS, OpenApiConfiguration.API_DOCS + "/**",
                                OpenApiConfiguration.SWAGGER_UI + "/**", OpenApiConfiguration.SWAGGER_UI + ".html")
                            .hasRole(SecuritySettings.Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Spring Security's strict firewall, but for an encoded '%' in a path: document ids may hold one and
     * are deleted by their percent-encoded id. Refusals answer in the API's JSON.
     */
    @Bean
    WebSecurityCustomizer raglineFirewall(ObjectMapper json) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall).requestRejectedHandler(new JsonSecurityErrors(json));
    }

    /** No user accounts: keys are the only credentials (this also keeps Boot from generating a password). */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    ClientRateLimits clientRateLimits(SecuritySettings settings, MeterRegistry registry) {
        return new ClientRateLimits(settings.rateLimits(), registry);
    }
}

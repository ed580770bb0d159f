package io.ragline.api;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API and /health answer 503 with Retry-After until the application is ready, and again once it shuts
 * down. Tomcat accepts connections before the Camel routes behind them exist, and while they stop: without
 * this a request in those moments got a 404 for an endpoint that is there, and a proxy that sends traffic
 * as soon as the port opens passed it on.
 */
public class ReadinessGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;
    private final ObjectMapper json;

    public ReadinessGate(ApplicationAvailability availability, ObjectMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        FilterErrors.write(response, json, HttpStatus.SERVICE_UNAVAILABLE.value(), "starting or stopping; try again shortly");
    }
}

package io.ragline.api;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import io.ragline.document.DocumentRejectedException;

/**
 * {@link #API}, the error policy of HTTP entry routes: bad input is a 4xx with an {@code error} field,
 * an open breaker a 503 with Retry-After, anything else a 500.
 */
@Component
public class ApiErrorPolicy extends RouteConfigurationBuilder {

    public static final String API = "api-errors";

    private final ApiResponseWriter responses;

    public ApiErrorPolicy(ApiResponseWriter responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        routeConfiguration(API)
                .onException(InvalidRequestException.class, DocumentRejectedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(400, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(CallNotPermittedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setHeader("Retry-After", constant("30"))
                    .setBody(exchange -> ApiResponse.error(503, "a dependency is unavailable ("
                            + causeMessage(exchange, CallNotPermittedException.class) + "); retry later, a retried document replaces itself"))
                    .process(responses)
                .end()
                .onException(NotFoundException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(404, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.ERROR, "Request failed: ${exception.message}")
                    .setBody(exchange -> ApiResponse.error(500, "internal error: " + caughtMessage(exchange)))
                    .process(responses)
                .end();
    }

    /** The message of the first {@code type} in the cause chain: wrappers such as the splitter's say little. */
    static String causeMessage(Exchange exchange, Class<? extends Throwable> type) {
        for (Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return caughtMessage(exchange);
    }

    /** The caught exception's message, for error answers, dead letters and notes. */
    public static String caughtMessage(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught == null || caught.getMessage() == null ? "unknown error" : caught.getMessage();
    }
}

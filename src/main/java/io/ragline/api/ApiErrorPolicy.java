package io.ragline.api;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import io.ragline.document.DocumentRejectedException;

/**
 * {@link #API}, the error policy of HTTP entry routes: bad input is a 4xx with an {@code error} field,
 * an open breaker a 503 with Retry-After, anything else a 500 with a
 * reference to the log.
 */
@Component
public class ApiErrorPolicy extends RouteConfigurationBuilder {

    public static final String API = "api-errors";

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorPolicy.class);

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
                    .setHeader(ApiHeaderFilter.RETRY_AFTER, constant("30"))
                    .setBody(exchange -> ApiResponse.error(503, "a dependency is unavailable ("
                            + causeMessage(exchange, CallNotPermittedException.class) + "); retry later, a retried document replaces itself"))
                    .process(responses)
                .end()
                .onException(ForbiddenException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(403, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(RateLimitedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .process(exchange -> exchange.getMessage().setHeader(ApiHeaderFilter.RETRY_AFTER,
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RateLimitedException.class).retryAfterSeconds()))
                    .setBody(exchange -> ApiResponse.error(429, caughtMessage(exchange)))
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
                    .logExhausted(false)
                    .setBody(ApiErrorPolicy::internalError)
                    .process(responses)
                .end();
    }

    /**
     * A provider that refused the input is a 422, one that keeps rate limiting a 503; any other failure is
     * not the caller's: the answer carries a reference to the log entry, never the exception's message,
     * which may name classes, paths or hosts.
     */
    static ApiResponse internalError(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() == 429) {
                exchange.getMessage().setHeader(ApiHeaderFilter.RETRY_AFTER, "30");
                return ApiResponse.error(503, "a provider is rate limiting us, even after retrying; retry later");
            }
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() >= 400 && http.getStatusCode() < 500
                    && http.getStatusCode() != 401 && http.getStatusCode() != 403) {
                return ApiResponse.error(422, "a provider refused this input (HTTP " + http.getStatusCode() + ")");
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Request {} {} failed, reference {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_PATH), reference,
                failure);
        return ApiResponse.error(500, "internal error, reference " + reference);
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

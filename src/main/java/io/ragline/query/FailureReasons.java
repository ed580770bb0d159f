package io.ragline.query;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

import org.apache.camel.http.base.HttpOperationFailedException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Why the full answer path failed, in words fit for a degraded answer's {@code error}: which dependency
 * and what kind of failure, never an exception's own message (which may name hosts, paths or classes).
 */
final class FailureReasons {

    private FailureReasons() {
    }

    /** @param failedRouteId the route the failure happened in, if known: it tells the dependency */
    static String describe(Throwable failure, String failedRouteId) {
        String dependency = dependencyOf(failedRouteId);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException open) {
                return "the " + open.getCausingCircuitBreakerName() + " circuit breaker is OPEN";
            }
            if (t instanceof HttpOperationFailedException http) {
                return dependency + " answered HTTP " + http.getStatusCode();
            }
            if (t instanceof TimeoutException) {
                return dependency + " did not answer in time";
            }
            if (t instanceof ConnectException || t instanceof SocketException) {
                return dependency + " is unreachable";
            }
        }
        return dependency + " failed";
    }

    private static String dependencyOf(String routeId) {
        if (routeId == null) {
            return "a dependency";
        }
        if (routeId.contains("embed")) {
            return "the embedding service";
        }
        if (routeId.contains("search")) {
            return "the vector store";
        }
        if (routeId.contains("generate") || routeId.contains("chat")) {
            return "the LLM";
        }
        return "a dependency";
    }
}

package io.ragline.resilience;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.LockObtainFailedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import io.ragline.document.DocumentRejectedException;

/** Which failures are worth another attempt: the dependency may answer differently in a moment. */
public final class TransientFaults {

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http.getStatusCode() == 429 || http.getStatusCode() >= 500;
            }
            if (t instanceof TimeoutException
                    || t instanceof InterruptedIOException // socket, connect and HTTP client timeouts
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketException
                    || t instanceof LockObtainFailedException
                    || isStoreUnreachable(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database behind the store cannot be reached (down, restarting, out of connections): it will
     * answer again, so work is retried, not dead-lettered.
     */
    public static boolean isStoreUnreachable(Throwable t) {
        return t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException;
    }

    /** Whether anywhere in the cause chain the store's database cannot be reached. */
    public static boolean storeUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isStoreUnreachable(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failed call says nothing about the dependency's health, so its breaker ignores it: the
     * input was refused (a document it cannot take, a search too large, an HTTP 4xx about the request),
     * or the dependency asked us to slow down (429, which the redelivery policy honours). Only faults of
     * the dependency itself (5xx, timeouts, refused connections, 401/403 from a wrong key) count.
     */
    public static boolean isNotTheDependencysFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DocumentRejectedException || t instanceof IndexSearcher.TooManyClauses) {
                return true;
            }
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status == 400 || status == 404 || status == 413 || status == 422 || status == 429;
            }
        }
        return false;
    }

    /** Seconds from an HTTP 429's Retry-After header, or -1. */
    public static long retryAfterSeconds(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() == 429 && http.getResponseHeaders() != null) {
                String value = http.getResponseHeaders().get("Retry-After");
                if (value != null) {
                    try {
                        return Math.max(0, Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        return -1; // an HTTP date: fall back to our own backoff
                    }
                }
            }
        }
        return -1;
    }
}

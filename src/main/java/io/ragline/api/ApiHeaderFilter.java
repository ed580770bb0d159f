package io.ragline.api;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The REST binding's rule for headers. Nothing a caller sends becomes an exchange header but the client
 * the security filter authenticated, so a route takes its input only from the path, the query string and
 * the body; and no exchange header reaches a response but the few the API answers with, so no request
 * header (a cookie, a key) is ever echoed back. Camel's default strategy passes both ways nearly everything.
 */
public class ApiHeaderFilter implements HeaderFilterStrategy {

    /** The name the REST configuration refers to this strategy by. */
    public static final String BEAN = "apiHeaderFilter";

    public static final String RETRY_AFTER = "Retry-After";

    private static final Set<String> RESPONSE_HEADERS = Set.of(RETRY_AFTER.toLowerCase(Locale.ROOT));

    /** Exchange header to HTTP response: only what the API itself answers with. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** HTTP request (headers and query parameters alike) to exchange header: only the authenticated client. */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !AuthenticatedClient.HEADER.equalsIgnoreCase(headerName);
    }
}

package io.ragline.api;

/**
 * The client an API key is bound to, as the security filter hands it to the routes: a request header
 * that filter always sets or removes, so a caller can never send it. When keys are configured, the
 * client comes from the key; a {@code client_id} that names another client is a 403.
 */
public final class AuthenticatedClient {

    public static final String HEADER = "RaglineAuthenticatedClient";

    private AuthenticatedClient() {
    }

    /**
     * @param requested     the client the body or query string names, null when absent
     * @param authenticated the key's client, null when no keys are configured
     * @param fallback      the client when neither names one
     */
    public static String resolve(String requested, String authenticated, String fallback) {
        if (authenticated == null) {
            return requested == null ? fallback : requested;
        }
        if (requested != null && !requested.equals(authenticated)) {
            throw new ForbiddenException("this API key is bound to another client than " + requested);
        }
        return authenticated;
    }
}

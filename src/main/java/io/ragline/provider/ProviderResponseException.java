package io.ragline.provider;

/** The provider answered 2xx with a body we cannot use. */
public class ProviderResponseException extends RuntimeException {

    public ProviderResponseException(String message) {
        super(message);
    }
}

package io.ragline.provider;

/** A provider call failed with a checked exception (HTTP status, I/O); the cause tells which. */
public class ProviderCallException extends RuntimeException {

    public ProviderCallException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}

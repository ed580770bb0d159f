package io.ragline.api;

/** The caller sent something we cannot accept; answered with HTTP 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}

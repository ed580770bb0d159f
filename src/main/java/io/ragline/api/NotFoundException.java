package io.ragline.api;

/** The addressed resource does not exist; answered with HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

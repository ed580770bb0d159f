package io.ragline.api;

/** The caller is known but may not do this: a 403 naming why. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

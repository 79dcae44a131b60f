package io.crmflow.model;

/** The thing asked for does not exist for this tenant. The message names it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

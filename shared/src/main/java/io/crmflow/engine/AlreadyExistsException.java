package io.crmflow.engine;

/** Creating something that exists already. The API answers 409. */
public class AlreadyExistsException extends RuntimeException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}

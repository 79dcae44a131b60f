package io.crmflow.engine;

/** An update lost the optimistic-lock race several times in a row. The API answers 409. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}

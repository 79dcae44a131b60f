package io.crmflow.engine;

/**
 * A queued message or event that can never be processed as it is (malformed, unknown tenant,
 * unknown object type, a record that does not exist). Retrying will not help; the handler
 * dead-letters it with this message as the reason.
 */
public class InvalidMessageException extends RuntimeException {
    public InvalidMessageException(String message) {
        super(message);
    }
}

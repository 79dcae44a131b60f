package io.crmflow.outbound;

/** The text channel refused a message for good: nothing was sent, and trying again would not help. */
public final class TextRejectedException extends RuntimeException {
    public TextRejectedException(String message) {
        super(message);
    }
}

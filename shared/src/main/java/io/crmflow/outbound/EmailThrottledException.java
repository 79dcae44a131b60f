package io.crmflow.outbound;

/**
 * The provider turned the email away and sent nothing, for a reason that is not this email's: a
 * sending-rate limit, a paused account, a sender not set up. A retry may succeed once it passes.
 */
public class EmailThrottledException extends RuntimeException {
    public EmailThrottledException(String message) {
        super(message);
    }
}

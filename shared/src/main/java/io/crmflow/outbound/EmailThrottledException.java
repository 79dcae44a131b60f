package io.crmflow.outbound;

/** The provider turned the email away for now (a sending-rate limit); nothing was sent and a retry may succeed. */
public class EmailThrottledException extends RuntimeException {
    public EmailThrottledException(String message) {
        super(message);
    }
}

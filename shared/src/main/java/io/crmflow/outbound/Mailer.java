package io.crmflow.outbound;

/** Sends email (SES in AWS). */
public interface Mailer {
    /** @return the provider's message id */
    String send(OutgoingEmail email);
}

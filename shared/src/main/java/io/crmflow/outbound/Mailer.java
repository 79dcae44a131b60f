package io.crmflow.outbound;

/** Sends email (SES in AWS). */
public interface Mailer {
    /**
     * @return the provider's message id
     * @throws EmailRejectedException  when the provider refused it for good (nothing was sent)
     * @throws EmailThrottledException when the provider turned it away for now (nothing was sent)
     * @throws RuntimeException        anything else, where it is not known whether it was sent
     */
    String send(OutgoingEmail email);
}

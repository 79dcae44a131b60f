package io.crmflow.outbound;

/**
 * The provider refused the email and did not send it, for a reason sending again will not
 * change (a rejected message, an unverified sender, a suspended account). The step records the
 * refusal and moves on instead of retrying forever.
 */
public class EmailRejectedException extends RuntimeException {
    public EmailRejectedException(String message) {
        super(message);
    }
}
